import CoreMetrics
import EventLog
import Metrics
import Prometheus
import Synchronization

/// The server's metrics, recorded through swift-metrics into one Prometheus registry.
///
/// Each server is handed its own (tests make one per server); only `serve` also makes it the
/// process-wide metrics system, once, with `bootstrapSystem()`.
public struct LedgerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        var factory = PrometheusMetricsFactory(registry: registry)
        let latency: [Duration] = [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                                   .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5)]
        factory.durationHistogramBuckets = [Name.appendDuration: latency, Name.requestDuration: latency]
        factory.valueHistogramBuckets = [Name.batchEvents: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]]
        self.registry = registry
        self.factory = factory
    }

    enum Name {
        static let appends = "civic_ledger_append_requests_total"
        static let events = "civic_ledger_appended_events_total"
        static let appendDuration = "civic_ledger_append_duration_seconds"
        static let batchEvents = "civic_ledger_batch_events"
        static let queueDepth = "civic_ledger_writer_queue_depth"
        static let storedEvents = "civic_ledger_stored_events"
        static let storedBytes = "civic_ledger_stored_record_bytes"
        static let fileBytes = "civic_ledger_file_bytes"
        static let subscribers = "civic_ledger_subscribers"
        static let subscriptionsEnded = "civic_ledger_subscriptions_ended_total"
        static let requests = "http_requests_total"
        static let requestDuration = "http_request_duration_seconds"
    }

    /// One append request answered: `appended`, `replayed`, `conflict`, `refused`, `overloaded` or `failed`.
    func appendFinished(outcome: String, events: Int, duration: Duration) {
        Counter(label: Name.appends, dimensions: [("outcome", outcome)], factory: factory).increment()
        Counter(label: Name.events, dimensions: [("outcome", outcome)], factory: factory).increment(by: events)
        CoreMetrics.Timer(label: Name.appendDuration, factory: factory).recordNanoseconds(duration.nanoseconds)
    }

    /// One writer transaction committed with `events` events (group commit at work).
    public func batchCommitted(events: Int) {
        Recorder(label: Name.batchEvents, aggregate: true, factory: factory).record(events)
    }

    func requestServed(route: String, method: String, status: Int, duration: Duration) {
        Counter(label: Name.requests, dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory).increment()
        CoreMetrics.Timer(label: Name.requestDuration, dimensions: [("route", route)], factory: factory).recordNanoseconds(duration.nanoseconds)
    }

    func subscribers(_ change: Int) {
        let meter = Meter(label: Name.subscribers, factory: factory)
        if change > 0 { meter.increment() } else { meter.decrement() }
    }

    /// A subscription the server ended: `slow-consumer` (told to go and resume later), `cut-off`
    /// (did not take even that in time), `shutdown`, or `failed` (reading the log failed).
    func subscriptionEnded(reason: String) {
        Counter(label: Name.subscriptionsEnded, dimensions: [("reason", reason)], factory: factory).increment()
    }

    /// Samples what the store knows (queue depth, events and bytes stored), just before a scrape.
    func refresh(from store: any LedgerStore) {
        Meter(label: Name.queueDepth, factory: factory).set(store.queueDepth)
        guard let statistics = try? store.statistics() else { return }
        Meter(label: Name.storedEvents, factory: factory).set(statistics.events)
        Meter(label: Name.storedBytes, factory: factory).set(statistics.recordBytes)
        Meter(label: Name.fileBytes, factory: factory).set(statistics.fileBytes)
    }

    /// The Prometheus text exposition of everything recorded.
    func exposition() -> [UInt8] { registry.emitToBuffer() }

    private static let bootstrapped = Mutex(false)

    /// Makes this registry the process's metrics system (for libraries that record globally).
    /// Only the first call in a process takes effect; later ones return false.
    @discardableResult
    public func bootstrapSystem() -> Bool {
        let first = Self.bootstrapped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first { MetricsSystem.bootstrap(factory) }
        return first
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
