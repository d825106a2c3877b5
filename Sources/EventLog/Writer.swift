import Foundation
import LMDB
import Synchronization

/// The one thread that writes: group commit over LMDB's single write transaction.
///
/// Callers queue requests; the thread takes everything waiting (bounded), applies each request
/// in one transaction, commits with fsync, and only then answers every caller. Throughput grows
/// with concurrency while every acknowledged event is durable. The queue is bounded: past it an
/// append fails fast with `overloaded` instead of growing memory.
final class Writer: @unchecked Sendable {
    struct Pending {
        let request: PreparedAppend
        /// Called once, on the writer thread, after the batch committed (or failed).
        let complete: @Sendable (Result<AppendResult, EventLogError>) -> Void
    }

    private let environment: Environment
    private let dbs: LedgerDatabases
    private let limits: LedgerLimits
    private let head: HeadWatch
    private let observers: [any BatchObserver]
    private let condition = NSCondition()
    private var queue: [Pending] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    private let statistics: Mutex<WriterStatistics> = Mutex(WriterStatistics())

    init(environment: Environment, dbs: LedgerDatabases, limits: LedgerLimits, head: HeadWatch, observers: [any BatchObserver]) {
        self.environment = environment
        self.dbs = dbs
        self.limits = limits
        self.head = head
        self.observers = observers
        let thread = Thread { [self] in
            ThreadNiceness.set(ThreadNiceness.writer)
            run()
        }
        thread.name = "civic-ledger writer"
        thread.start()
    }

    var queueDepth: Int { condition.withLock { queue.count } }
    var stats: WriterStatistics { statistics.withLock { $0 } }

    func submit(_ request: PreparedAppend) async throws -> AppendResult {
        try await withCheckedThrowingContinuation { continuation in
            enqueue([Pending(request: request) { continuation.resume(with: $0) }], allowOverfill: false)
        }
    }

    /// Queues requests in order, or refuses them all at once when stopping or over the bound.
    /// A bulk submission may overfill an empty queue, so one large import is never refused forever.
    private func enqueue(_ pendings: [Pending], allowOverfill: Bool) {
        condition.lock()
        let depth = queue.count
        let refusal: EventLogError? = stopping ? .closed
            : depth + pendings.count > limits.maxQueuedRequests && !(allowOverfill && depth == 0) ? .overloaded(queued: depth) : nil
        if refusal == nil {
            queue.append(contentsOf: pendings)
            condition.signal()
        }
        condition.unlock()
        if let refusal { for pending in pendings { pending.complete(.failure(refusal)) } }
    }

    /// Queues several requests in this order, each accepted or refused on its own; for bulk
    /// imports that must keep their order while sharing transactions.
    func submitAll(_ requests: [PreparedAppend]) async -> [Result<AppendResult, EventLogError>] {
        let results = Mutex([Result<AppendResult, EventLogError>?](repeating: nil, count: requests.count))
        let remaining = Mutex(requests.count)
        return await withCheckedContinuation { (done: CheckedContinuation<[Result<AppendResult, EventLogError>], Never>) in
            let pendings = requests.enumerated().map { i, request in
                Pending(request: request) { result in
                    results.withLock { $0[i] = result }
                    if remaining.withLock({ $0 -= 1; return $0 }) == 0 {
                        done.resume(returning: results.withLock { $0.map { $0! } })
                    }
                }
            }
            enqueue(pendings, allowOverfill: true)
        }
    }

    /// Stops taking requests, finishes and answers every queued one, then returns.
    func stop() {
        condition.lock()
        let wasStopping = stopping
        stopping = true
        condition.signal()
        condition.unlock()
        if !wasStopping { finished.wait() }
    }

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
        finished.signal()
    }

    /// Waits for work; takes as many queued requests as one transaction should hold.
    private func nextBatch() -> [Pending]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !stopping { condition.wait() }
        if queue.isEmpty { return nil }
        var events = 0, take = 0
        while take < queue.count && (take == 0 || events + queue[take].request.eventCount <= limits.maxEventsPerBatch) {
            events += queue[take].request.eventCount
            take += 1
        }
        let batch = Array(queue.prefix(take))
        queue.removeFirst(take)
        return batch
    }

    private func commit(_ batch: [Pending]) {
        let started = DispatchTime.now().uptimeNanoseconds
        while true {
            do {
                let (outcomes, size) = try environment.write { txn in
                    var applier = try BatchApplier(dbs: dbs, txn: txn, recordedAt: Timestamp.nowMicroseconds())
                    let outcomes = try batch.map { try applier.apply($0.request) }
                    if !applier.written.isEmpty {
                        try dbs.add(applier.appendedBytes, to: LedgerKey.recordBytes, in: txn)
                        try dbs.add(applier.newStreams, to: LedgerKey.streamCount, in: txn)
                        for observer in observers { try observer.recordsAppended(applier.written, in: txn) }
                    }
                    return (outcomes, applier.nextPosition)
                }
                head.announce(size: size)
                let elapsed = DispatchTime.now().uptimeNanoseconds - started
                statistics.withLock { $0.record(batch: batch.count, events: batch.reduce(0) { $0 + $1.request.eventCount }, nanoseconds: elapsed) }
                for (pending, outcome) in zip(batch, outcomes) { pending.complete(outcome) }
                return
            } catch let error as LMDBError where error.isMapFull {
                // The batch was aborted whole; grow the map and apply it again.
                do {
                    try environment.setMapSize(environment.mapSize * 2)
                    continue
                } catch {
                    fail(batch, with: .storageFull("the map could not grow: \(error)"))
                }
            } catch let error as LMDBError where error.isDiskFull {
                fail(batch, with: .storageFull(error.description))
            } catch let error as EventLogError {
                fail(batch, with: error)
            } catch {
                fail(batch, with: .storage("\(error)"))
            }
            return
        }
    }

    private func fail(_ batch: [Pending], with error: EventLogError) {
        for pending in batch { pending.complete(.failure(error)) }
    }
}

/// Counters of the writer's work, for metrics.
public struct WriterStatistics: Sendable {
    public private(set) var batches = 0
    public private(set) var requests = 0
    public private(set) var events = 0
    public private(set) var lastBatchRequests = 0
    public private(set) var lastCommitNanoseconds: UInt64 = 0
    /// Time spent applying and committing batches, in total.
    public private(set) var commitNanoseconds: UInt64 = 0

    mutating func record(batch: Int, events: Int, nanoseconds: UInt64) {
        batches += 1
        requests += batch
        self.events += events
        lastBatchRequests = batch
        lastCommitNanoseconds = nanoseconds
        commitNanoseconds += nanoseconds
    }
}
