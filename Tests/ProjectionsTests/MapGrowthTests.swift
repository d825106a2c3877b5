import EventLog
import JSON
@testable import Projections
import Testing

/// A full map is grown and the chunk applied again, as the log's writer does.
@Suite struct MapGrowthTests {
    /// Keeps a 4 KiB value per event, so a small map fills quickly.
    struct Bulky: Projection {
        let name = "bulky"
        let version = 1
        let eventTypes: [String] = []
        func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
            try state.put(Tally.key(event.event.position), .string(String(repeating: "x", count: 4096)))
        }
    }

    @Test func aChunkThatFillsTheMapIsAppliedOnAGrownMap() async throws {
        let ledger = try TestLedger()
        try await ledger.append(600, to: "case-1")
        var options = ProjectionEngine.Options()
        options.initialMapSize = 1 << 20
        options.chunkSize = 250
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Bulky()], folds: [], upcasters: nil,
                                          options: options)
        try await whileRunning(engine) { try await engine.waitUntil("bulky", reached: 599, timeout: .seconds(120)) }
        #expect(engine.store.environment.mapSize > 1 << 20)
        let page = try await engine.page("bulky", prefix: "applied/", after: nil, limit: 1000)
        #expect(page.entries.count == 600 && page.next == nil && page.position == 599)
    }
}
