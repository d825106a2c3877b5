import ArgumentParser
import EventLog
import Foundation
import Projections
import Synchronization

/// Builds the `streams` projection (a small summary per stream) from position 0 over an
/// existing log: events/s, to set beside the raw cursor scan of the same records.
struct ProjectionRebuildBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projection-rebuild",
        abstract: "Builds `streams` from position 0 over an existing log (its projections are removed first): events/s.")

    @Option(help: "A data directory holding a log, e.g. one `append` made.") var data: String

    func run() async throws {
        try? FileManager.default.removeItem(atPath: data + "/projections")
        let store = try LMDBEventStore(LedgerConfiguration(directory: data, access: .readOnly))
        let size = try await store.size()
        let start = ContinuousClock.now
        let engine = try ProjectionEngine(directory: data, log: store, projections: [StreamSummaryProjection()], folds: [], upcasters: nil)
        let running = Task { try await engine.run() }
        defer { running.cancel() }
        if size > 0 { try await caughtUp(engine, to: size - 1) }
        report(Int(size), since: start)
        running.cancel()
        _ = await running.result
        try? FileManager.default.removeItem(atPath: data + "/projections")
    }
}

/// Waits until `streams` has applied `position`, looking often enough not to add to the time.
func caughtUp(_ engine: ProjectionEngine, to position: UInt64) async throws {
    while true {
        let status = try await engine.status(of: "streams")
        if let failure = status.failure { throw ProjectionError.failed(failure) }
        if let reached = status.position, reached >= position { return }
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// Appends at a steady rate of single-event requests while `streams` follows the log, and
/// measures for each append the delay from its acknowledgement until the projection has
/// applied it (what a query with `minPosition` waits). Prints `p50_µs p99_µs achieved_events/s`
/// (the rate of acknowledged appends).
struct ProjectionLagBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projection-lag", abstract: "Projection lag under a steady append load: p50 and p99 in µs, and the rate achieved.")

    @Option(help: "A new data directory.") var data: String
    @Option(help: "Appended events per second.") var rate = 10_000
    @Option var seconds = 5
    @Option(help: "Payload bytes per event.") var size = 512
    @Option var durability: String = "durable"

    func run() async throws {
        var configuration = LedgerConfiguration(directory: data)
        configuration.durability = durability == "relaxed" ? .relaxed : .durable
        configuration.limits.maxQueuedRequests = 1 << 16
        let store = try LMDBEventStore.initialize(configuration)
        var options = ProjectionEngine.Options()
        options.minPositionTimeout = .seconds(60)
        let engine = try ProjectionEngine(directory: data, log: store, projections: [StreamSummaryProjection()], folds: [], upcasters: nil,
                                          options: options)
        let running = Task { try await engine.run() }
        let body = payload(bytes: size, seed: 0)
        let delays = LagSamples()
        let total = rate * seconds
        let start = ContinuousClock.now
        try await withThrowingDiscardingTaskGroup { group in
            for i in 0..<total {
                // Paced in groups of ten requests per 1/1000 s at 10,000 events/s.
                if i % 10 == 0 { try await Task.sleep(until: start + .nanoseconds(Int64(i) * 1_000_000_000 / Int64(rate)), tolerance: .zero) }
                group.addTask {
                    let stream = try StreamName("lag-\(UInt32.random(in: 0..<100_000))")
                    let result = try await store.append([ProposedEvent(type: "bench.Appended", payload: body)], to: stream, expecting: .any)
                    let acknowledged = ContinuousClock.now
                    delays.acknowledged(at: acknowledged)
                    try await engine.waitUntil("streams", reached: result.lastPosition)
                    let delay = ContinuousClock.now - acknowledged
                    delays.add(delay)
                }
            }
        }
        let elapsed = delays.lastAcknowledgement - start
        running.cancel()
        _ = await running.result
        store.close()
        let sorted = delays.sorted
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("\(sorted[sorted.count / 2]) \(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) \(Int(Double(total) / seconds))")
    }
}

/// Delays in µs, recorded from many tasks.
final class LagSamples: Sendable {
    private let samples = Mutex<[Int64]>([])
    private let last = Mutex(ContinuousClock.now)

    /// The achieved rate counts up to the last acknowledgement, not the last wait.
    func acknowledged(at instant: ContinuousClock.Instant) {
        last.withLock { $0 = max($0, instant) }
    }

    var lastAcknowledgement: ContinuousClock.Instant { last.withLock { $0 } }

    func add(_ delay: Duration) {
        samples.withLock { $0.append(delay.components.seconds * 1_000_000 + delay.components.attoseconds / 1_000_000_000_000) }
    }

    var sorted: [Int64] { samples.withLock { $0 }.sorted() }
}
