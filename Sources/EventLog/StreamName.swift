/// A stream's name: `<category>-<id>`, 1–200 bytes of `[A-Za-z0-9_.:-]`.
///
/// The category is what stands before the first dash (the whole name when it has none); the log
/// keeps an index per category so that a projection can follow one kind of record.
public struct StreamName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maxLength = 200
    public let rawValue: String

    public init(_ rawValue: String) throws(EventLogError) {
        let bytes = rawValue.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maxLength else {
            throw .invalidStreamName(rawValue, reason: "it must be 1 to \(Self.maxLength) bytes long, not \(bytes.count)")
        }
        if let bad = bytes.first(where: { !Self.isAllowed($0) }) {
            throw .invalidStreamName(rawValue, reason: "the character \(Self.describe(bad)) is not allowed; use only A-Z a-z 0-9 _ . : -")
        }
        self.rawValue = rawValue
    }

    public var category: Substring {
        rawValue.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? Substring(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: StreamName, rhs: StreamName) -> Bool { lhs.rawValue < rhs.rawValue }

    static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
             UInt8(ascii: ":"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7f).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }
}
