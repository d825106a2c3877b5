import Projections

/// The parameters of one question, checked: paging (`limit`, `after`), read-your-writes
/// (`minPosition`), a moment (`asOf`), a business date (`date`) and the question's own filters.
/// A parameter the question does not take is refused, so a misspelt filter is not silently ignored.
public struct QuestionParameters: Sendable {
    /// The page sizes a caller may ask for.
    public struct PageSize: Sendable {
        public var standard: Int
        public var maximum: Int
        public init(standard: Int = 100, maximum: Int = 1000) {
            self.standard = standard
            self.maximum = maximum
        }
    }

    /// Keys and cursors longer than this are refused (LMDB's keys are at most 511 bytes).
    public static let maxKeyBytes = 511
    /// Every question takes these besides its own.
    public static let common: Set<String> = ["limit", "after", "minPosition"]

    public let values: [String: String]
    public let limit: Int
    public let after: String?
    /// Read-your-writes: the answer must reflect at least this log position.
    public let minPosition: UInt64?
    public let asOf: AsOf?
    /// `asOf` as the caller wrote it, echoed in the answer.
    public let asOfText: String?

    public init(_ values: [String: String], allowed: Set<String>, pageSize: PageSize = PageSize()) throws(QuestionError) {
        let known = allowed.union(Self.common)
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidParameter(name: unknown, reason: "is not a parameter of this question; it takes: \(known.sorted().joined(separator: ", "))")
        }
        self.values = values
        var limit = pageSize.standard
        if let text = values["limit"] {
            guard let value = Int(text), (1...pageSize.maximum).contains(value) else {
                throw .invalidParameter(name: "limit", reason: "must be an integer from 1 to \(pageSize.maximum)")
            }
            limit = value
        }
        self.limit = limit
        if let text = values["after"], text.utf8.count > Self.maxKeyBytes {
            throw .invalidParameter(name: "after", reason: "must be at most \(Self.maxKeyBytes) bytes")
        }
        after = values["after"]
        if let text = values["minPosition"] {
            guard let value = UInt64(text) else { throw .invalidParameter(name: "minPosition", reason: "must be a log position (a non-negative integer)") }
            minPosition = value
        } else {
            minPosition = nil
        }
        if let text = values["asOf"] {
            guard let value = AsOf(text) else {
                throw .invalidParameter(name: "asOf", reason: "must be a log position or an RFC 3339 time such as 2026-11-29T19:30:00Z")
            }
            asOf = value
            asOfText = text
        } else {
            asOf = nil
            asOfText = nil
        }
    }

    /// A key segment from a filter: letters, digits and dashes only, so it cannot reach into another index.
    public func segment(_ name: String) throws(QuestionError) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 64,
              value.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }) else {
            throw .invalidParameter(name: name, reason: "must be letters, digits and dashes")
        }
        return value
    }

    /// The business date a question is asked on (`date=YYYY-MM-DD`; default today, China Standard Time).
    public func date() throws(QuestionError) -> CalendarDay {
        guard let text = values["date"] else { return CalendarDay.today() }
        guard let day = CalendarDay(text) else { throw .invalidParameter(name: "date", reason: "must be a date (YYYY-MM-DD)") }
        return day
    }
}
