/// The scanner behind `JSONText`: walks bytes, checks grammar, remembers nothing but ranges.
struct JSONScanner {
    let bytes: [UInt8]
    let maxDepth: Int
    var index = 0
    var depth = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func fail(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    /// After a value: only white space may follow.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected text after the JSON value") }
    }

    mutating func value() throws(JSONSyntaxError) -> JSONText.Kind {
        guard let b = current else { throw fail("the text ends where a value should start") }
        switch b {
        case UInt8(ascii: "{"): try object(); return .object
        case UInt8(ascii: "["): try array(); return .array
        case UInt8(ascii: "\""): _ = try stringRange(); return .string
        case UInt8(ascii: "t"): try literal("true"); return .bool
        case UInt8(ascii: "f"): try literal("false"); return .bool
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(); return .number
        default: throw fail("unexpected character '\(Character(UnicodeScalar(b)))' where a value should start")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > maxDepth { throw fail("nesting deeper than \(maxDepth) levels") }
    }

    private mutating func object() throws(JSONSyntaxError) {
        _ = try objectMembers()
    }

    mutating func objectMembers() throws(JSONSyntaxError) -> [(key: String, value: Range<Int>)] {
        try enter()
        index += 1
        var members: [(key: String, value: Range<Int>)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; depth -= 1; return members }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
            let key = try stringRange()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            let start = index
            _ = try value()
            members.append((decodeString(key), start..<index))
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "}") { index += 1; depth -= 1; return members }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws(JSONSyntaxError) {
        _ = try arrayElements()
    }

    mutating func arrayElements() throws(JSONSyntaxError) -> [Range<Int>] {
        try enter()
        index += 1
        var elements: [Range<Int>] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; depth -= 1; return elements }
        while true {
            skipWhitespace()
            let start = index
            _ = try value()
            elements.append(start..<index)
            skipWhitespace()
            if current == UInt8(ascii: ",") { index += 1; continue }
            if current == UInt8(ascii: "]") { index += 1; depth -= 1; return elements }
            throw fail("expected ',' or ']' in an array")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { w in index + count <= bytes.count && bytes[index..<index + count].elementsEqual(w) }
        guard matches else { throw fail("unknown word; expected \(word)") }
        index += count
    }

    private mutating func number() throws(JSONSyntaxError) {
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw fail("a number needs a digit") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, isDigit(next) { throw fail("numbers may not have leading zeros") }
        while let b = current, isDigit(b) { index += 1 }
        if current == UInt8(ascii: ".") {
            index += 1
            guard let b = current, isDigit(b) else { throw fail("a digit must follow the decimal point") }
            while let b = current, isDigit(b) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let b = current, isDigit(b) else { throw fail("an exponent needs digits") }
            while let b = current, isDigit(b) { index += 1 }
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Scans a string literal; returns the range inside its quotes.
    mutating func stringRange() throws(JSONSyntaxError) -> Range<Int> {
        guard current == UInt8(ascii: "\"") else { throw fail("expected a string") }
        index += 1
        let start = index
        while true {
            guard let b = current else { throw fail("a string is not closed") }
            if b == UInt8(ascii: "\"") { index += 1; return start..<(index - 1) }
            if b < 0x20 { throw fail("control characters must be escaped inside strings") }
            if b == UInt8(ascii: "\\") {
                index += 1
                guard let e = current else { throw fail("a string ends inside an escape") }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    let unit = try hex4()
                    if (0xD800...0xDBFF).contains(unit) {
                        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                            throw fail("a high surrogate \\u\(String(unit, radix: 16)) must be followed by a low surrogate")
                        }
                        index += 2
                        guard (0xDC00...0xDFFF).contains(try hex4()) else { throw fail("invalid low surrogate") }
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw fail("a lone low surrogate \\u\(String(unit, radix: 16))")
                    }
                default:
                    throw fail("invalid escape '\\\(Character(UnicodeScalar(e)))'")
                }
                continue
            }
            index += 1
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexValue(bytes[index]) else { throw fail("\\u needs four hex digits") }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Resolves escapes of an already scanned string's contents.
    func decodeString(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        if !slice.contains(UInt8(ascii: "\\")) { return String(decoding: slice, as: UTF8.self) }
        var out = [UInt8](), i = range.lowerBound
        var scalars = String.UnicodeScalarView()
        func flush() { if !out.isEmpty { scalars.append(contentsOf: String(decoding: out, as: UTF8.self).unicodeScalars); out.removeAll() } }
        func hex(at j: Int) -> UInt32 { (j..<j + 4).reduce(0) { $0 * 16 + (hexValue(bytes[$1]) ?? 0) } }
        while i < range.upperBound {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = hex(at: i)
                i += 4
                if (0xD800...0xDBFF).contains(unit) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (hex(at: i + 2) - 0xDC00)
                    i += 6
                }
                flush()
                scalars.append(UnicodeScalar(unit) ?? "\u{FFFD}")
            default: out.append(e)
            }
        }
        flush()
        return String(scalars)
    }
}
