import LMDB

/// Something stored with every batch of events, in the same LMDB transaction, so that it can
/// never disagree with the log after a crash (the Merkle tree and its checkpoints are one).
public protocol BatchObserver: Sendable {
    /// Called once when the store opens, before any batch, to open its own databases.
    func prepare(_ environment: Environment) throws
    /// How many of the log's events it has stored a record of; when that is behind the log (a
    /// ledger made before the observer existed), the store feeds it the rest at open. nil (the
    /// default) for an observer that stores nothing and needs no catching up.
    func observedSize(in txn: ReadTransaction) throws -> UInt64?
    /// Called inside the writer's transaction after the batch's records were put, in position
    /// order. Throwing aborts the whole batch: every request in it fails.
    func recordsAppended(_ records: [(position: UInt64, record: [UInt8])], in txn: WriteTransaction) throws
}

extension BatchObserver {
    public func observedSize(in txn: ReadTransaction) throws -> UInt64? { nil }
}
