/// The RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
enum NumberLiteral {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Reads the number starting at `start`; returns it and the offset just past it.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONParseError) -> (JSONNumber, Int) {
        let count = bytes.count
        var index = start
        let negative = index < count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        if index < count && bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count && isDigit(bytes[index]) { throw JSONParseError(.leadingZero, at: integerStart, in: bytes) }
        } else {
            while index < count && isDigit(bytes[index]) { index += 1 }
            if index == integerStart { throw JSONParseError(.invalidNumber, at: index, in: bytes) }
        }
        let integerEnd = index
        var fractionStart = index
        var fractionEnd = index
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionStart = index
            while index < count && isDigit(bytes[index]) { index += 1 }
            if index == fractionStart { throw JSONParseError(.invalidNumber, at: index, in: bytes) }
            fractionEnd = index
        }
        var exponent = 0
        if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count && isDigit(bytes[index]) {
                // Saturate: exponents beyond this carry no meaning and must not overflow.
                exponent = min(exponent * 10 + Int(bytes[index] - 0x30), 1_000_000_000_000_000)
                index += 1
            }
            if index == exponentStart { throw JSONParseError(.invalidNumber, at: index, in: bytes) }
            if exponentNegative { exponent = -exponent }
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(integerEnd - integerStart + fractionEnd - fractionStart)
        for byte in bytes[integerStart..<integerEnd] { digits.append(byte - 0x30) }
        for byte in bytes[fractionStart..<fractionEnd] { digits.append(byte - 0x30) }
        let scale = exponent.addingSaturated(-(fractionEnd - fractionStart))
        return (JSONNumber(isNegative: negative, digits: digits, exponent: scale), index)
    }
}

extension JSONNumber {
    /// Reads a JSON number literal such as `-12.5e3`; nil when the text is not exactly one.
    public init?(literal text: String) {
        let bytes = Array(text.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in try? NumberLiteral.read(buffer, from: 0) }
        guard let (number, end) = parsed, end == bytes.count else { return nil }
        self = number
    }
}
