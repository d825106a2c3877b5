/// Why some bytes or text are not a `Hash`.
public struct HashError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case wrongLength(Int)
        case notBase64
        case notHex
    }

    private let reason: Reason

    /// The input had `count` bytes instead of 32.
    public static func wrongLength(_ count: Int) -> Self { Self(reason: .wrongLength(count)) }
    /// The text is not canonical standard base64.
    public static var notBase64: Self { Self(reason: .notBase64) }
    /// The text is not an even number of hexadecimal digits.
    public static var notHex: Self { Self(reason: .notHex) }

    public var description: String {
        switch reason {
        case .wrongLength(let count): "a hash has 32 bytes, not \(count)"
        case .notBase64: "a hash must be canonical standard base64"
        case .notHex: "a hash must be hexadecimal digits"
        }
    }
}
