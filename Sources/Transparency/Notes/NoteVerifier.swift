import Crypto

/// An Ed25519 note verifier key, written `name+keyid+base64(0x01 ‖ public key)` as in
/// Go's `golang.org/x/mod/sumdb/note`.
public struct NoteVerifier: Sendable, Hashable {
    /// The key name, as in signature lines.
    public let name: String
    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4].
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// A verifier for `publicKey` (32 bytes) under `name`.
    public init(name: String, publicKey: [UInt8]) throws(NoteError) {
        guard NoteKeyID.isValidName(name) else { throw .invalidKeyName(name) }
        guard publicKey.count == 32 else { throw .malformedKey("an Ed25519 public key has 32 bytes, not \(publicKey.count)") }
        self.name = name
        self.publicKey = publicKey
        keyID = NoteKeyID.keyID(name: name, type: NoteKeyID.ed25519, publicKey: publicKey)
    }

    /// Parses the verifier key text; the key ID must match the name and key.
    public init(_ verifierKey: String) throws(NoteError) {
        // The base64 key may itself hold a plus, so only the first separators count.
        let fields = verifierKey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw .malformedKey("a verifier key is name+keyid+key") }
        guard let keyID = NoteKeyID.parseHex(fields[1]) else { throw .malformedKey("a key ID is 8 hexadecimal digits") }
        guard let key = CanonicalBase64.decode(fields[2]), key.first == NoteKeyID.ed25519 else {
            throw .malformedKey("the key must be base64 of 0x01 and an Ed25519 public key")
        }
        try self.init(name: String(fields[0]), publicKey: Array(key.dropFirst()))
        guard self.keyID == keyID else { throw .keyIDMismatch(name: name) }
    }

    /// The verifier key text: `name+keyid+base64(0x01 ‖ public key)`.
    public var verifierKey: String {
        "\(name)+\(NoteKeyID.hex(keyID))+\(CanonicalBase64.encode([NoteKeyID.ed25519] + publicKey))"
    }

    /// Whether `signature` is this key's Ed25519 signature of `text`.
    public func isValidSignature(_ signature: [UInt8], for text: String) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Array(text.utf8))
    }
}
