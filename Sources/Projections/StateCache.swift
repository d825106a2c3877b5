import JSON

/// Committed state values kept in memory between transactions, per generation database, so
/// that a key touched in every chunk is not read and parsed again each time.
///
/// Touched only on the writer thread (which is what makes it safe to share): values enter
/// when read from a transaction, and changes only after their transaction committed.
final class StateCache: @unchecked Sendable {
    /// Cached values of one database; nil records a key known to be absent.
    final class Values {
        var entries: [String: JSONValue?] = [:]
        /// Native values of a projection on the typed path (`StreamStateProjection`).
        var typed: (any TypedStateValues)?

        var count: Int { entries.count + (typed?.count ?? 0) }
    }

    private var databases: [String: Values] = [:]
    /// Past this many entries a database's cache starts over (a simple bound on memory).
    private let limit: Int

    init(limit: Int = 200_000) { self.limit = limit }

    func values(for database: String) -> Values {
        if let known = databases[database] {
            if known.count > limit {
                known.entries.removeAll(keepingCapacity: true)
                known.typed?.removeAll()
            }
            return known
        }
        let fresh = Values()
        databases[database] = fresh
        return fresh
    }

    /// Forgets a database (emptied, retired, or its transaction's outcome unknown).
    func forget(_ database: String) {
        databases[database] = nil
    }
}

/// Committed native values of one generation, emptied with the rest of its cache.
protocol TypedStateValues: AnyObject {
    var count: Int { get }
    func removeAll()
}
