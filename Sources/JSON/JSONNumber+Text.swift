extension JSONNumber: CustomStringConvertible {
    /// The shortest JSON text for the value, laid out as ECMAScript `Number.prototype.toString`
    /// does (RFC 8785 §3.2.2.3): plain digits while the decimal point sits within 21 places,
    /// exponent form (`1e+21`, `1.5e-7`) beyond that.
    public var description: String {
        if isZero { return "0" }
        let digits = significand.map { Character(Unicode.Scalar($0 + 0x30)) }
        let count = digits.count
        let point = exponent + count
        var text = isNegative ? "-" : ""
        if count <= point && point <= 21 {
            text += String(digits) + String(repeating: "0", count: point - count)
        } else if 0 < point && point <= 21 {
            text += String(digits[..<point]) + "." + String(digits[point...])
        } else if -6 < point && point <= 0 {
            text += "0." + String(repeating: "0", count: -point) + String(digits)
        } else {
            text.append(digits[0])
            if count > 1 { text += "." + String(digits[1...]) }
            let power = point - 1
            text += power >= 0 ? "e+\(power)" : "e-\(-power)"
        }
        return text
    }
}
