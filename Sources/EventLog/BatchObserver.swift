import LMDB

/// Something stored with every batch of events, in the same LMDB transaction, so that it can
/// never disagree with the log after a crash (the Merkle tree and its checkpoints are one).
public protocol BatchObserver: Sendable {
    /// Called once when the store opens, before any batch, to open its own databases.
    func prepare(_ environment: Environment) throws
    /// Called inside the writer's transaction after the batch's records were put, in position
    /// order. Throwing aborts the whole batch: every request in it fails.
    func recordsAppended(_ records: [(position: UInt64, record: [UInt8])], in txn: WriteTransaction) throws
}
