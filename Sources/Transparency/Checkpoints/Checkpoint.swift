/// A C2SP tlog-checkpoint: the note text naming a log (`origin`), a tree size and the
/// root hash at that size, with optional extension lines.
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity, such as `ledger.example.city/events`.
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 9162 root hash of the tree of `size` leaves.
    public let root: Hash
    /// Opaque lines after the root; the specification does not recommend them.
    public let extensionLines: [String]

    /// A checkpoint; the origin and each extension line must be a non-empty line of text.
    public init(origin: String, size: UInt64, root: Hash, extensionLines: [String] = []) throws(CheckpointError) {
        guard Self.isLine(origin) else { throw .invalidOrigin }
        guard extensionLines.allSatisfy(Self.isLine) else { throw .invalidExtensionLine }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensionLines = extensionLines
    }

    /// The note text: `origin\nsize\nbase64(root)\n`, then each extension line and a newline.
    public var text: String {
        ([origin, String(size), root.base64] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// Parses a checkpoint note text strictly: at least three non-empty lines, each ending
    /// in a newline; a decimal size with no sign or leading zeros; a canonical base64
    /// root of 32 bytes.
    public init(text: String) throws(CheckpointError) {
        // Split on bytes: as Characters, "\r\n" is one grapheme and would hide its newline.
        guard text.utf8.last == UInt8(ascii: "\n") else { throw .missingFinalNewline }
        let lines = text.utf8.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else { throw .tooFewLines(lines.count) }
        guard let size = Self.decimal(lines[1]) else { throw .invalidSize(lines[1]) }
        let root: Hash
        do {
            root = try Hash(base64: lines[2])
        } catch {
            throw .invalidRoot(lines[2])
        }
        try self.init(origin: lines[0], size: size, root: root, extensionLines: Array(lines.dropFirst(3)))
    }

    private static func decimal(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            text == "0" || !text.hasPrefix("0")
        else { return nil }
        return UInt64(text)
    }

    private static func isLine(_ text: String) -> Bool {
        !text.isEmpty && !text.utf8.contains { $0 < 0x20 }
    }
}
