import EventLog
import LMDB

/// Counts the events of each writer transaction into the batch-size histogram.
///
/// Pass it to the store's `observers` when opening it for the server. It runs on the writer
/// thread inside the transaction, so it only records a number and never throws.
public struct BatchSizeObserver: BatchObserver {
    let metrics: LedgerMetrics

    public init(metrics: LedgerMetrics) { self.metrics = metrics }

    public func prepare(_ environment: Environment) throws {}

    // It keeps nothing of past batches: the protocol's default `observedSize` (nil) tells the
    // store never to replay history into the histogram when it opens.

    public func recordsAppended(_ records: [(position: UInt64, record: [UInt8])], in txn: WriteTransaction) throws {
        metrics.batchCommitted(events: records.count)
    }
}
