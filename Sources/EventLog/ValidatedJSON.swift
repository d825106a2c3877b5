import Foundation

/// Walks JSON text that was already validated as part of an enclosing text (an HTTP body),
/// finding members and elements without checking the grammar a second time.
///
/// Splitting a request body used to validate the body, then each `events` array, then each
/// event, then each payload again: about four full scans of every payload byte. With this, the
/// body is validated once and the parts are only walked: strings are skipped to their closing
/// quote, containers by depth, numbers and literals to the next delimiter.
package enum ValidatedJSON {
    /// The kind of the value starting at `range.lowerBound` (after white space).
    package static func kind(of bytes: [UInt8], in range: Range<Int>) -> JSONText.Kind {
        let i = skipWhitespace(bytes, from: range.lowerBound, to: range.upperBound)
        guard i < range.upperBound else { return .null }
        switch bytes[i] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// The members of the object at `range`, each key decoded with the range of its value; nil
    /// when the value there is not an object.
    package static func members(of bytes: [UInt8], in range: Range<Int>) -> [(key: String, value: Range<Int>)]? {
        var i = skipWhitespace(bytes, from: range.lowerBound, to: range.upperBound)
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "{") else { return nil }
        let decoder = JSONScanner(bytes: bytes, maxDepth: 1)
        var members: [(key: String, value: Range<Int>)] = []
        i += 1
        while true {
            i = skipWhitespace(bytes, from: i, to: range.upperBound)
            if bytes[i] == UInt8(ascii: "}") { return members }
            if bytes[i] == UInt8(ascii: ",") { i = skipWhitespace(bytes, from: i + 1, to: range.upperBound) }
            let keyEnd = skipString(bytes, from: i)
            let key = decoder.decodeString((i + 1)..<(keyEnd - 1))
            i = skipWhitespace(bytes, from: keyEnd, to: range.upperBound) + 1   // the ':'
            let start = skipWhitespace(bytes, from: i, to: range.upperBound)
            i = skipValue(bytes, from: start)
            members.append((key, start..<i))
        }
    }

    /// The elements of the array at `range`; nil when the value there is not an array.
    package static func elements(of bytes: [UInt8], in range: Range<Int>) -> [Range<Int>]? {
        var i = skipWhitespace(bytes, from: range.lowerBound, to: range.upperBound)
        guard i < range.upperBound, bytes[i] == UInt8(ascii: "[") else { return nil }
        var elements: [Range<Int>] = []
        i += 1
        while true {
            i = skipWhitespace(bytes, from: i, to: range.upperBound)
            if bytes[i] == UInt8(ascii: "]") { return elements }
            if bytes[i] == UInt8(ascii: ",") { i = skipWhitespace(bytes, from: i + 1, to: range.upperBound) }
            let start = i
            i = skipValue(bytes, from: start)
            elements.append(start..<i)
        }
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var i = start
        while i < end {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
            i += 1
        }
        return i
    }

    /// The index just after the string literal that starts at `start` (its opening quote).
    private static func skipString(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { skipString($0, from: start) }
    }

    /// Jumps from quote to quote with `memchr` (payloads are mostly long strings); a quote after
    /// an odd run of backslashes is escaped, and the text is valid, so a closing quote exists.
    private static func skipString(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = b.baseAddress!
        var i = start + 1
        while true {
            let found = memchr(base + i, Int32(UInt8(ascii: "\"")), b.count - i)!
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 > start, b[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            i = quote + 1
        }
    }

    /// The index just after the value that starts at `start`.
    private static func skipValue(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in
            switch b[start] {
            case UInt8(ascii: "\""):
                return skipString(b, from: start)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0, i = start
                while true {
                    switch b[i] {
                    case UInt8(ascii: "\""): i = skipString(b, from: i); continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return i + 1 }
                    default: break
                    }
                    i += 1
                }
            default:
                // A number or a literal: it runs to the next delimiter or the end of the text.
                var i = start
                while i < b.count {
                    switch b[i] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return i
                    default: i += 1
                    }
                }
                return i
            }
        }
    }
}
