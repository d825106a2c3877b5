/// What the appender believes about a stream before appending: optimistic concurrency per stream.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    /// Append whatever the stream's state.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must hold at least one event.
    case streamExists
    /// The stream's last event must have exactly this version (versions count from 0).
    case exactly(UInt64)

    /// Whether a stream whose current version is `current` (nil: no stream) satisfies this.
    public func isSatisfied(by current: UInt64?) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return current == nil
        case .streamExists: return current != nil
        case .exactly(let n): return current == n
        }
    }

    /// The spelling used on the command line and over HTTP: `any`, `no-stream`, `exists` or a number.
    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no-stream"
        case .streamExists: return "exists"
        case .exactly(let n): return String(n)
        }
    }

    public init?(_ text: String) {
        switch text {
        case "any": self = .any
        case "no-stream": self = .noStream
        case "exists", "stream-exists": self = .streamExists
        default:
            guard let n = UInt64(text) else { return nil }
            self = .exactly(n)
        }
    }
}
