extension JSONReader {
    /// Reads a string starting at its opening quote.
    mutating func readString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        // Fast path: most strings hold no escapes and can be validated in place.
        var highBits: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                // Plain ASCII needs no UTF-8 validation, which would cost as much as the scan.
                let text = highBits < 0x80 ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                                           : try decodeUTF8(start..<index)
                index += 1
                return text
            }
            highBits |= byte
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if byte < 0x20 { throw failure(.controlCharacterInString, at: index) }
            index += 1
        }
        throw failure(.unexpectedEnd, at: index)
    }

    func decodeUTF8(_ range: Range<Int>) throws(JSONParseError) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw failure(.invalidUTF8, at: firstInvalidUTF8(in: range))
        }
        return text
    }

    private mutating func readEscapedString(from start: Int) throws(JSONParseError) -> String {
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    throw failure(.invalidUTF8, at: firstInvalidUTF8(in: start..<index))
                }
                index += 1
                return text
            }
            if byte < 0x20 { throw failure(.controlCharacterInString, at: index) }
            if byte != UInt8(ascii: "\\") {
                decoded.append(byte)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw failure(.unexpectedEnd, at: index) }
            let simple: UInt8? = switch bytes[index] {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
            if let simple {
                decoded.append(simple)
                index += 1
            } else if bytes[index] == UInt8(ascii: "u") {
                let scalar = try readUnicodeEscape(escapeStart: escapeStart)
                decoded.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                throw failure(.invalidEscape, at: escapeStart)
            }
        }
        throw failure(.unexpectedEnd, at: index)
    }

    /// Reads `uXXXX` (index on the `u`), joining a surrogate pair written as two escapes.
    private mutating func readUnicodeEscape(escapeStart: Int) throws(JSONParseError) -> Unicode.Scalar {
        index += 1
        let unit = try readHex4(escapeStart: escapeStart)
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure(.loneSurrogate, at: escapeStart)
            }
            let lowStart = index
            index += 2
            let low = try readHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw failure(.loneSurrogate, at: escapeStart) }
            let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw failure(.loneSurrogate, at: escapeStart) }
            return scalar
        case 0xDC00...0xDFFF:
            throw failure(.loneSurrogate, at: escapeStart)
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw failure(.invalidEscape, at: escapeStart) }
            return scalar
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure(.invalidEscape, at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 0x41 + 10)
            default: throw failure(.invalidEscape, at: escapeStart)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// The offset of the first byte in `range` that starts an ill-formed UTF-8 sequence.
    func firstInvalidUTF8(in range: Range<Int>) -> Int {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let lead = bytes[offset]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xED: length = 3; highest = 0x9F
            case 0xE1...0xEF: length = 3
            case 0xF0: length = 4; lowest = 0x90
            case 0xF4: length = 4; highest = 0x8F
            case 0xF1...0xF3: length = 4
            default: return offset
            }
            guard offset + length <= range.upperBound else { return offset }
            for position in 1..<max(length, 1) where position < length {
                let byte = bytes[offset + position]
                let low = position == 1 ? lowest : 0x80
                let high = position == 1 ? highest : 0xBF
                if byte < low || byte > high { return offset }
            }
            offset += length
        }
        return range.lowerBound
    }
}
