import Crypto

/// An Ed25519 note signer key, written `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)` as in
/// Go's `golang.org/x/mod/sumdb/note`. Keep its text secret (file mode 0600).
public struct NoteSigner: Sendable {
    /// The key name, as in signature lines.
    public let name: String
    /// The verifier for this signer.
    public let verifier: NoteVerifier
    private let seed: [UInt8]

    /// The signer's key ID.
    public var keyID: UInt32 { verifier.keyID }

    /// A signer from a 32-byte Ed25519 seed (RFC 8032 private key).
    public init(name: String, seed: [UInt8]) throws(NoteError) {
        guard seed.count == 32 else { throw .malformedKey("an Ed25519 seed has 32 bytes, not \(seed.count)") }
        let publicKey: [UInt8]
        do {
            publicKey = Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).publicKey.rawRepresentation)
        } catch {
            throw .malformedKey("the seed is not an Ed25519 private key")
        }
        self.name = name
        self.seed = seed
        verifier = try NoteVerifier(name: name, publicKey: publicKey)
    }

    /// A new signer with a fresh random key.
    public static func generate(name: String) throws(NoteError) -> NoteSigner {
        try NoteSigner(name: name, seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    /// Parses the signer key text; the key ID must match the name and key.
    public init(_ signerKey: String) throws(NoteError) {
        // The base64 key may itself hold a plus, so only the first separators count.
        let fields = signerKey.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0] == "PRIVATE", fields[1] == "KEY" else {
            throw .malformedKey("a signer key is PRIVATE+KEY+name+keyid+key")
        }
        guard let keyID = NoteKeyID.parseHex(fields[3]) else { throw .malformedKey("a key ID is 8 hexadecimal digits") }
        guard let key = CanonicalBase64.decode(fields[4]), key.first == NoteKeyID.ed25519 else {
            throw .malformedKey("the key must be base64 of 0x01 and an Ed25519 seed")
        }
        try self.init(name: String(fields[2]), seed: Array(key.dropFirst()))
        guard self.keyID == keyID else { throw .keyIDMismatch(name: name) }
    }

    /// The signer key text: `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`.
    public var signerKey: String {
        "PRIVATE+KEY+\(name)+\(NoteKeyID.hex(keyID))+\(CanonicalBase64.encode([NoteKeyID.ed25519] + seed))"
    }

    /// The signature of a note `text` (RFC 8032 Ed25519, deterministic).
    public func signature(for text: String) throws(NoteError) -> NoteSignature {
        let signature: [UInt8]
        do {
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            signature = Array(try key.signature(for: Array(text.utf8)))
        } catch {
            throw .signingFailed(String(describing: error))
        }
        return try NoteSignature(name: name, keyID: keyID, signature: signature)
    }
}
