import EventLog

/// A moment of the log to read an entity's state at.
public enum AsOf: Sendable, Equatable {
    /// Every event up to this log position, inclusive.
    case position(UInt64)
    /// Every event recorded at or before this time (microseconds since 1970, UTC).
    case time(microseconds: Int64)

    /// `"1234"` is a position; an RFC 3339 time (`2026-03-01T08:00:00Z`) is a time; else nil.
    public init?(_ text: String) {
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            guard let position = UInt64(text) else { return nil }
            self = .position(position)
        } else if let microseconds = Timestamp.parse(text) {
            self = .time(microseconds: microseconds)
        } else {
            return nil
        }
    }

    /// Whether `event` happened at or before this moment.
    func includes(_ event: RecordedEvent) -> Bool {
        switch self {
        case .position(let position): event.position <= position
        case .time(let microseconds): event.recordedAt <= microseconds
        }
    }
}
