/// Why and where JSON text was refused.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong, as a value that can grow new cases without breaking callers.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable {
            case unexpectedEnd
            case unexpectedCharacter(String)
            case trailingCharacters
            case invalidEscape
            case loneSurrogate
            case controlCharacterInString
            case leadingZero
            case invalidNumber
            case invalidUTF8
            case duplicateKey(String)
            case tooDeep(Int)
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// The text ends before the value is complete.
        public static let unexpectedEnd = Reason(.unexpectedEnd)
        /// A character that cannot start or continue the value at this place.
        public static func unexpectedCharacter(_ character: String) -> Reason { Reason(.unexpectedCharacter(character)) }
        /// Something other than whitespace follows the value.
        public static let trailingCharacters = Reason(.trailingCharacters)
        /// A backslash escape RFC 8259 does not define, or a malformed `\u` escape.
        public static let invalidEscape = Reason(.invalidEscape)
        /// A `\u` escape of a UTF-16 surrogate without its partner.
        public static let loneSurrogate = Reason(.loneSurrogate)
        /// A raw character below U+0020 inside a string.
        public static let controlCharacterInString = Reason(.controlCharacterInString)
        /// A number such as `01`.
        public static let leadingZero = Reason(.leadingZero)
        /// A number missing digits, such as `1.`, `-` or `1e`.
        public static let invalidNumber = Reason(.invalidNumber)
        /// Bytes that are not well-formed UTF-8.
        public static let invalidUTF8 = Reason(.invalidUTF8)
        /// An object names the same key twice.
        public static func duplicateKey(_ key: String) -> Reason { Reason(.duplicateKey(key)) }
        /// Arrays and objects nest deeper than the parser allows.
        public static func tooDeep(limit: Int) -> Reason { Reason(.tooDeep(limit)) }

        public var description: String {
            switch value {
            case .unexpectedEnd: "the text ends before the value is complete"
            case .unexpectedCharacter(let character): "unexpected character \(character)"
            case .trailingCharacters: "unexpected characters after the value"
            case .invalidEscape: "invalid escape sequence in a string"
            case .loneSurrogate: "a \\u escape names half of a surrogate pair without the other half"
            case .controlCharacterInString: "a control character must be escaped inside a string"
            case .leadingZero: "a number must not start with a leading zero"
            case .invalidNumber: "a number is missing digits"
            case .invalidUTF8: "the text is not valid UTF-8"
            case .duplicateKey(let key): "the key \"\(key)\" appears twice in the same object"
            case .tooDeep(let limit): "arrays and objects nest deeper than \(limit) levels"
            }
        }
    }

    /// What was wrong.
    public let reason: Reason
    /// Zero-based byte offset of the offending byte in the input.
    public let offset: Int
    /// One-based line number of the offending byte.
    public let line: Int
    /// One-based column of the offending byte, counted in Unicode scalars.
    public let column: Int

    /// An error at `offset` in `bytes`, working out its line and column.
    init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        self.reason = reason
        self.offset = offset
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
    }

    /// An error with a known position.
    public init(_ reason: Reason, offset: Int, line: Int, column: Int) {
        self.reason = reason
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column) (byte \(offset)): \(reason)" }
}
