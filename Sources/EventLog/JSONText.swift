/// Strict RFC 8259 scanning of JSON text without building values.
///
/// The log stores payloads byte for byte as sent, so it needs to check JSON and to find where
/// a member's value starts and ends inside a request body — not to rebuild it (which would
/// change number spellings, key order and escapes).
public enum JSONText {
    public enum Kind: String, Sendable { case object, array, string, number, bool, null }

    /// Checks that `bytes` are exactly one JSON value (with optional white space) and says which kind.
    public static func validate(_ bytes: [UInt8], maxDepth: Int = 512) throws(JSONSyntaxError) -> Kind {
        try checkUTF8(bytes)
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        scanner.skipWhitespace()
        let kind = try scanner.value()
        try scanner.expectEnd()
        return kind
    }

    /// The members of a JSON object: each key, decoded, with the byte range of its raw value.
    /// One pass: the members are found while the text is validated.
    public static func members(of bytes: [UInt8], maxDepth: Int = 512) throws(JSONSyntaxError) -> [(key: String, value: Range<Int>)] {
        try checkUTF8(bytes)
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else { throw try notA(.object, bytes, maxDepth: maxDepth) }
        let members = try scanner.objectMembers()
        try scanner.expectEnd()
        return members
    }

    /// The elements of a JSON array, as byte ranges. One pass, like `members(of:)`.
    public static func elements(of bytes: [UInt8], maxDepth: Int = 512) throws(JSONSyntaxError) -> [Range<Int>] {
        try checkUTF8(bytes)
        var scanner = JSONScanner(bytes: bytes, maxDepth: maxDepth)
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "[") else { throw try notA(.array, bytes, maxDepth: maxDepth) }
        let elements = try scanner.arrayElements()
        try scanner.expectEnd()
        return elements
    }

    /// The error for text that is not the kind expected: its own syntax error if it is not JSON.
    private static func notA(_ expected: Kind, _ bytes: [UInt8], maxDepth: Int) throws(JSONSyntaxError) -> JSONSyntaxError {
        let kind = try validate(bytes, maxDepth: maxDepth)
        return JSONSyntaxError(offset: 0, reason: "expected a JSON \(expected.rawValue), found \(kind.article)")
    }

    private static func checkUTF8(_ bytes: [UInt8]) throws(JSONSyntaxError) {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONSyntaxError(offset: firstInvalidUTF8(bytes), reason: "the text is not valid UTF-8")
        }
    }

    /// The value of a JSON string literal (with its quotes), escapes resolved.
    public static func string(_ literal: ArraySlice<UInt8>) -> String? {
        var scanner = JSONScanner(bytes: Array(literal), maxDepth: 1)
        scanner.skipWhitespace()
        guard let range = try? scanner.stringRange() else { return nil }
        return scanner.decodeString(range)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        while low < high {
            let mid = (low + high) / 2
            if String(validating: bytes[..<mid], as: UTF8.self) != nil || mid == 0 { low = mid + 1 } else { high = mid }
        }
        return max(0, low - 1)
    }
}

extension JSONText.Kind {
    var article: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// Where JSON text is malformed and why.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte offset of the problem.
    public let offset: Int
    public let reason: String
    public var description: String { "\(reason) at byte \(offset)" }
}
