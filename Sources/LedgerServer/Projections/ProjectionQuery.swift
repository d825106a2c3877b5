import Hummingbird
import HummingbirdCore
import Projections

/// The query parameters of the projection and entity routes.
struct ProjectionQuery {
    var prefix = ""
    var after: String?
    var limit: Int
    /// Read-your-writes: the answer must reflect at least this log position.
    var minPosition: UInt64?
    var asOf: AsOf?
    /// `asOf` as the client wrote it, echoed in the answer.
    var asOfText: String?

    /// Keys and prefixes longer than this are refused (LMDB's keys are at most 511 bytes).
    static let maxKeyBytes = 511

    init(_ uri: URI, configuration: LedgerServerConfiguration) throws(Problem) {
        let query = uri.queryParameters
        limit = configuration.defaultPageSize
        if let text = query["prefix"] {
            guard text.utf8.count <= Self.maxKeyBytes else { throw ReadQuery.invalid("prefix", "must be at most \(Self.maxKeyBytes) bytes") }
            prefix = String(text)
        }
        if let text = query["after"] {
            guard text.utf8.count <= Self.maxKeyBytes else { throw ReadQuery.invalid("after", "must be at most \(Self.maxKeyBytes) bytes") }
            after = String(text)
        }
        if let text = query["limit"] {
            guard let value = Int(text), (1...configuration.maxPageSize).contains(value) else {
                throw ReadQuery.invalid("limit", "must be an integer from 1 to \(configuration.maxPageSize)")
            }
            limit = value
        }
        if let text = query["minPosition"] {
            guard let value = UInt64(text) else { throw ReadQuery.invalid("minPosition", "must be a log position (a non-negative integer)") }
            minPosition = value
        }
        if let text = query["asOf"] {
            guard let value = AsOf(String(text)) else {
                throw ReadQuery.invalid("asOf", "must be a log position or an RFC 3339 time such as 2026-11-29T19:30:00Z")
            }
            asOf = value
            asOfText = String(text)
        }
    }
}
