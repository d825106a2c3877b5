/// Limits that keep one request from hurting the others; every one configurable.
public struct LedgerLimits: Sendable, Equatable {
    /// The largest record (header, names, metadata and payload) one event may make.
    public var maxEventBytes = 1 << 20
    /// The most events one request may append, across all its streams.
    public var maxEventsPerRequest = 10_000
    /// The most requests waiting for the writer before appends fail fast with `overloaded`.
    public var maxQueuedRequests = 16_384
    /// The most events the writer puts in one transaction.
    public var maxEventsPerBatch = 20_000

    public init() {}
}
