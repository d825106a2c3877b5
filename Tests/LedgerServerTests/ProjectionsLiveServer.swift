import EventLog
import Foundation
import JSON
import LedgerServer
import Projections
import Synchronization

extension LiveServer {
    /// A live server whose projection engine runs `projections` (by default the served ones:
    /// `streams` and the `stream` fold), as `civic-ledger serve` runs it.
    static func withProjections<T: Sendable>(
        _ projections: [any Projection] = [StreamSummaryProjection()],
        folds: [any EntityFold] = [StreamFold()],
        minPositionTimeout: Duration = .seconds(2),
        _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        try await LiveServer.with(configure: { server in
            guard let store = server.store as? LMDBEventStore else { return }
            var options = ProjectionEngine.Options()
            options.minPositionTimeout = minPositionTimeout
            guard let engine = try? ProjectionEngine(directory: store.configuration.directory, log: store, projections: projections,
                                                     folds: folds, upcasters: nil, options: options) else { return }
            server.projections = ProjectionService(engine: engine, logger: server.logger)
        }) { server in
            guard server.server.projections != nil else { throw TestFailure("the projection engine did not open") }
            return try await body(server)
        }
    }

    var engine: ProjectionEngine { server.projections!.engine }

    /// Polls a projection's status until `done` holds (or fails the test after `seconds`).
    @discardableResult
    func waitForProjection(_ name: String, seconds: Double = 30, until done: (ProjectionStatus) -> Bool) async throws -> ProjectionStatus {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while true {
            let status = try await engine.status(of: name)
            if done(status) { return status }
            guard ContinuousClock.now < deadline else { throw TestFailure("\(name) did not get there in \(seconds) s: \(status)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A projection that holds each event until the test opens its gate: a projection that is
/// behind, on demand. It keeps a count of events under `count`.
struct GatedProjection: Projection {
    let name = "gated"
    let version = 1
    let eventTypes: [String] = []
    let gate: Gate

    final class Gate: Sendable {
        private let open = Atomic(true)
        var isOpen: Bool {
            get { open.load(ordering: .acquiring) }
            set { open.store(newValue, ordering: .releasing) }
        }
    }

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        // Blocks the engine's own writer thread, never the cooperative pool.
        while !gate.isOpen { usleep(1000) }
        let count = try state.get("count")?.numberValue?.intValue ?? 0
        try state.put("count", .number(JSONNumber(count + 1)))
    }
}

/// A projection that cannot apply events of type `assistance.Broken`: it stops there.
struct FragileProjection: Projection {
    let name = "fragile"
    let version = 1
    let eventTypes = ["assistance."]

    struct Refused: Error, CustomStringConvertible {
        let description = "assistance.Broken carries no case to count"
    }

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        if event.event.type == "assistance.Broken" { throw Refused() }
        try state.put("case/" + event.event.stream.rawValue, .string(event.event.type))
    }
}
