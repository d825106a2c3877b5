import Catalog
import JSON
import Logging
import Projections
import ServiceLifecycle
import Synchronization

/// The projection engine as a service of the server's group: it follows the log until graceful
/// shutdown, then finishes its current transaction and stops.
///
/// It sits between the ledger and the HTTP server in the group, so at shutdown the server stops
/// answering first, then the engine stops, and only then is the store closed. A failure of the
/// engine as a whole is kept for `/ready` instead of stopping the server: appends must not be
/// taken down by a read model.
public final class ProjectionService: Service, Sendable {
    public let engine: ProjectionEngine
    private let logger: Logger
    private let stopped = Mutex<String?>(nil)

    public init(engine: ProjectionEngine, logger: Logger) {
        self.engine = engine
        self.logger = logger
    }

    /// Why the engine stopped following the log, when it did so before shutdown.
    public var stoppedReason: String? { stopped.withLock { $0 } }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { [engine] in try await engine.run() }
        } catch is CancellationError {
            return
        } catch {
            guard !Task.isCancelled else { return }
            stopped.withLock { $0 = "\(error)" }
            logger.error("projections stopped following the log; appends go on", metadata: ["error": "\(error)"])
            try? await gracefulShutdown()
        }
    }

    /// The members `/ready` adds: `"degraded"` (a projection failed or the engine stopped)
    /// and each projection's phase, position and lag.
    func readinessMembers() async -> [UInt8] {
        var degraded = false
        var members: [(String, JSONValue)] = []
        do {
            let statuses = try await engine.statuses()
            degraded = statuses.contains { $0.phase == .failed }
            members.append(("projections", .array(statuses.map(\.readiness))))
        } catch {
            degraded = true
            members.append(("projections", .array([])))
            members.append(("projectionsError", .string("\(error)")))
        }
        if let reason = stoppedReason {
            degraded = true
            members.append(("projectionsStopped", .string(reason)))
        }
        let object = JSONValue.ordered([("degraded", .bool(degraded))] + members).serializedBytes()
        // The members without their braces, to follow the core's own.
        return [UInt8(ascii: ",")] + object.dropFirst().dropLast()
    }
}
