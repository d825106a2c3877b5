import Logging
import ServiceLifecycle
import Synchronization

/// The ledger as a service: it runs until graceful shutdown, then closes the store, which
/// finishes and answers every queued append before the process exits.
///
/// Put it before the HTTP server in the service group: the group stops services in reverse
/// order, so the server stops taking requests and answers those in flight first.
public final class LedgerLifecycle: Service, Sendable {
    private let store: any LedgerStore
    private let closing = Atomic(false)
    private let logger: Logger

    public init(store: any LedgerStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// True once shutdown began; `/ready` then answers 503.
    public var isClosing: Bool { closing.load(ordering: .acquiring) }

    public func run() async throws {
        try? await gracefulShutdown()
        closing.store(true, ordering: .releasing)
        logger.info("closing the ledger: finishing queued appends")
        store.close()
        logger.info("ledger closed")
    }
}
