/// One signature line of a signed note: `— <name> base64(keyID ‖ signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// The signer's key name.
    public let name: String
    /// The signer's 32-bit key ID.
    public let keyID: UInt32
    /// The signature bytes, without the key ID.
    public let signature: [UInt8]

    /// A signature by the key (`name`, `keyID`).
    public init(name: String, keyID: UInt32, signature: [UInt8]) throws(NoteError) {
        guard NoteKeyID.isValidName(name) else { throw .invalidKeyName(name) }
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The line as it appears in a note, with its em dash (U+2014) and without the newline.
    public var line: String {
        "\u{2014} \(name) \(CanonicalBase64.encode(NoteKeyID.bigEndian(keyID) + signature))"
    }

    /// Parses one line (without its newline).
    init(line: Substring) throws(NoteError) {
        let prefix = "\u{2014} "
        guard line.hasPrefix(prefix) else { throw .malformedNote("a signature line must start with an em dash and a space") }
        let rest = line.dropFirst(prefix.count)
        guard let space = rest.firstIndex(of: " ") else { throw .malformedNote("a signature line needs a name and a signature") }
        let name = String(rest[..<space])
        guard let bytes = CanonicalBase64.decode(rest[rest.index(after: space)...]), bytes.count >= 5 else {
            throw .malformedNote("a signature must be base64 of a key ID and at least one byte")
        }
        try self.init(
            name: name,
            keyID: bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) },
            signature: Array(bytes.dropFirst(4))
        )
    }
}
