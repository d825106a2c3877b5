import EventLog

/// What the server needs of a store beyond reading and appending: readiness, load, size, closing.
public protocol LedgerStore: EventStore {
    /// Whether the store was opened for appending.
    var isWritable: Bool { get }
    /// Append requests waiting for the writer.
    var queueDepth: Int { get }
    func statistics() throws -> LedgerStatistics
    /// Finishes every queued append, then stops writing.
    func close()
}

extension LMDBEventStore: LedgerStore {}
