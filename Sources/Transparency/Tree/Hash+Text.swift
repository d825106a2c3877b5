import Foundation

extension Hash: CustomStringConvertible {
    /// Standard base64 (RFC 4648 §4), the form used in checkpoints and proof answers.
    public var base64: String { Data(bytes).base64EncodedString() }

    /// Lowercase hexadecimal.
    public var hex: String {
        bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    public var description: String { hex }

    /// Parses canonical standard base64 of exactly 32 bytes.
    public init(base64 text: String) throws(HashError) {
        guard let decoded = CanonicalBase64.decode(text) else { throw .notBase64 }
        try self.init(bytes: decoded)
    }

    /// Parses 64 hexadecimal digits (either case).
    public init(hex text: String) throws(HashError) {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { throw .notHex }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(digits.count / 2)
        var position = 0
        while position < digits.count {
            guard let high = Self.nibble(digits[position]), let low = Self.nibble(digits[position + 1]) else {
                throw .notHex
            }
            decoded.append(high << 4 | low)
            position += 2
        }
        try self.init(bytes: decoded)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Base64 that accepts only the one encoding it would produce itself, so that a
/// signed text has exactly one spelling.
enum CanonicalBase64 {
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let data = Data(base64Encoded: String(text)), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
