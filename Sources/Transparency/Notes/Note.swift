/// A C2SP signed note: a text, then a blank line, then one signature line per signature.
///
/// The text must be verified before it is trusted: parse with `init(parsing:)` and
/// check with `verifiedSignatures(by:)`, or do both with `Note.open(_:verifiers:)`.
public struct Note: Sendable, Hashable {
    /// The signed text, ending in a newline; the separating blank line is not part of it.
    public let text: String
    /// The signatures, in the order of their lines.
    public private(set) var signatures: [NoteSignature]

    /// Most signature lines a parsed note may carry, as in Go's `note` package.
    public static let maxSignatures = 100

    /// A note with `text` and `signatures`. The text must be non-empty, end in a newline
    /// and hold no control characters other than newline.
    public init(text: String, signatures: [NoteSignature] = []) throws(NoteError) {
        guard !text.isEmpty else { throw .invalidText("the text is empty") }
        guard text.utf8.last == UInt8(ascii: "\n") else { throw .invalidText("the text must end in a newline") }
        guard !Self.hasControlCharacter(text) else { throw .invalidText("the text holds a control character") }
        self.text = text
        self.signatures = signatures
    }

    /// The note as sent: text, blank line, signature lines, each ending in a newline.
    public var signedText: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// `signedText` as UTF-8 bytes.
    public var bytes: [UInt8] { Array(signedText.utf8) }

    /// Adds one signature by each of `signers`.
    public func signed(by signers: [NoteSigner]) throws(NoteError) -> Note {
        var note = self
        for signer in signers { note.signatures.append(try signer.signature(for: text)) }
        return note
    }

    /// Parses a signed note without checking any signature. The text is split from the
    /// signatures at the last blank line; there must be at least one signature.
    public init(parsing signedNote: some Collection<UInt8>) throws(NoteError) {
        guard let whole = String(validating: signedNote, as: UTF8.self) else {
            throw .malformedNote("a note must be valid UTF-8")
        }
        try self.init(parsing: whole)
    }

    /// Parses a signed note without checking any signature.
    public init(parsing signedNote: String) throws(NoteError) {
        guard !Self.hasControlCharacter(signedNote) else { throw .malformedNote("the note holds a control character") }
        guard let blankLine = signedNote.utf8.lastRange(of: "\n\n".utf8) else {
            throw .malformedNote("no blank line before the signatures")
        }
        let text = String(signedNote[..<signedNote.utf8.index(after: blankLine.lowerBound)])
        let lines = signedNote[blankLine.upperBound...]
        guard !lines.isEmpty, lines.hasSuffix("\n") else { throw .malformedNote("the note must end with a signature line") }
        var signatures: [NoteSignature] = []
        for line in lines.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard signatures.count < Self.maxSignatures else { throw .malformedNote("more than \(Self.maxSignatures) signatures") }
            signatures.append(try NoteSignature(line: line))
        }
        try self.init(text: text, signatures: signatures)
    }

    private static func hasControlCharacter(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 && $0 != UInt8(ascii: "\n") }
    }
}

extension Collection where Element == UInt8 {
    fileprivate func lastRange(of pattern: some Collection<UInt8>) -> Range<Index>? {
        var found: Range<Index>?
        var start = startIndex
        while let match = self[start...].firstRange(of: pattern) {
            found = match
            start = index(after: match.lowerBound)
        }
        return found
    }
}
