import EventLog
import Hummingbird
import HummingbirdCore

/// The query of a read: `from`, `direction`, `limit`, `raw`, and for the whole log `category` and `type`.
struct ReadQuery {
    var from: UInt64?
    /// `raw=true`: each event also carries its record bytes and leaf hash.
    var raw = false
    var direction = ReadDirection.forwards
    var limit: Int
    var filter = EventFilter.all

    init(_ uri: URI, configuration: LedgerServerConfiguration, allowsFilter: Bool) throws(Problem) {
        let query = uri.queryParameters
        limit = configuration.defaultPageSize
        if let text = query["from"] {
            guard let value = UInt64(text) else { throw Self.invalid("from", "must be a non-negative integer") }
            from = value
        }
        if let text = query["direction"] {
            guard let value = ReadDirection(rawValue: String(text)) else { throw Self.invalid("direction", "must be forwards or backwards") }
            direction = value
        }
        if let text = query["limit"] {
            guard let value = Int(text), (1...configuration.maxPageSize).contains(value) else {
                throw Self.invalid("limit", "must be an integer from 1 to \(configuration.maxPageSize)")
            }
            limit = value
        }
        raw = try RawEvents.requested(uri)
        if allowsFilter {
            filter = try Self.eventFilter(query)
        }
    }

    /// `category` (a stream name's part before the first dash) and `type` (an event type prefix).
    static func eventFilter(_ query: FlatDictionary<Substring, Substring>) throws(Problem) -> EventFilter {
        var filter = EventFilter.all
        if let text = query["category"] {
            guard !text.isEmpty, !text.contains("-"), (try? StreamName(String(text))) != nil else {
                throw invalid("category", "must be a stream category: the part of a stream name before its first dash")
            }
            filter.category = String(text)
        }
        if let text = query["type"] {
            guard !text.isEmpty, text.utf8.count <= EventType.maxLength else { throw invalid("type", "must be a non-empty event type prefix") }
            filter.typePrefixes = [String(text)]
        }
        return filter
    }

    static func invalid(_ parameter: String, _ reason: String) -> Problem {
        Problem.invalidParameter(parameter, "The query parameter \(parameter) \(reason).")
    }
}
