import EventLog
import Foundation
import Projections
import Testing

/// Projections follow appends as they come, wait for a position when asked, and a failing
/// one stops alone.
@Suite struct FollowTests {
    @Test func aRunningProjectionFollowsLiveAppends() async throws {
        let ledger = try TestLedger()
        try await ledger.append(5, to: "case-1")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil)
        try await whileRunning(engine) {
            try await engine.waitUntil("streams", reached: 4)
            try await eventually("live") { try await engine.status(of: "streams").phase == .live }
            for round in 1...3 {
                let position = try await ledger.append(2, to: "case-\(round)")
                try await engine.waitUntil("streams", reached: position)
                let summary = try await engine.value("streams", key: StreamSummaryProjection.key(for: "case-\(round)"))
                #expect(summary.position == position)
                #expect(summary.value?["lastPosition"] == .number(.init(Int(position))))
            }
        }
        let one = try await engine.value("streams", key: "stream/case-1").value
        #expect(one?["events"] == 7)
        #expect(one?["types"] == ["test.Happened": 7])
        #expect(one?["stream"] == "case-1")
    }

    @Test func anEngineRunsAgainAfterItsRunWasCancelledAndStillTakesRebuilds() async throws {
        let ledger = try TestLedger()
        try await ledger.append(5, to: "case-1")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                          folds: [], upcasters: nil)
        try await whileRunning(engine) { try await engine.waitUntil("tally", reached: 4) }
        let more = try await ledger.append(5, to: "case-2")
        try await whileRunning(engine) {
            // The second run follows the log: before, it ended at once.
            try await engine.waitUntil("tally", reached: more, timeout: .seconds(30))
            let generation = try await engine.rebuild("tally")
            try await eventually("the rebuild's switch") {
                let status = try await engine.status(of: "tally")
                return status.generation == generation && status.rebuild == nil
            }
            let last = try await ledger.append(3, to: "case-3")
            try await engine.waitUntil("tally", reached: last, timeout: .seconds(30))
            #expect(try await engine.value("tally", key: "total").value == 13)
        }
    }

    @Test func waitingForAPositionTheLogHasNotReachedEndsBehindAfterTheTimeout() async throws {
        let ledger = try TestLedger()
        try await ledger.append(3, to: "case-1")
        var options = ProjectionEngine.Options()
        // Long enough that a loaded machine applies the append well within it.
        options.minPositionTimeout = .seconds(10)
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await eventually("caught up") { try await engine.status(of: "streams").position == 2 }
            // An append arriving while it waits answers the wait before the timeout.
            async let appended: UInt64 = {
                try await Task.sleep(for: .milliseconds(50))
                return try await ledger.append(1, to: "case-2")
            }()
            // Answered by the append: a wait that ran out would have thrown `.behind`.
            try await engine.waitUntil("streams", reached: 3)
            #expect(try await appended == 3)
            let waited = ContinuousClock.now
            await #expect(throws: ProjectionError.behind(name: "streams", position: 3, wanted: 10)) {
                try await engine.waitUntil("streams", reached: 10)
            }
            #expect(ContinuousClock.now - waited >= .seconds(10))
        }
    }

    @Test func aFailingProjectionStopsAtTheEventNamingItWhileTheOthersGoOn() async throws {
        let ledger = try TestLedger()
        try await ledger.append(30, to: "case-1")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store,
                                          projections: [Tally(name: "fragile", failAt: 12), Tally(name: "sturdy")],
                                          folds: [], upcasters: nil)
        try await whileRunning(engine) {
            try await engine.waitUntil("sturdy", reached: 29)
            let more = try await ledger.append(5, to: "case-2")
            try await engine.waitUntil("sturdy", reached: more)
            await #expect(throws: ProjectionError.self) { try await engine.waitUntil("fragile", reached: 20) }
            let failed = try await engine.status(of: "fragile")
            #expect(failed.phase == .failed)
            let failure = try #require(failed.failure)
            let event = try #require(try await ledger.store.event(at: 12))
            #expect(failure == ProjectionFailure(position: 12, eventID: event.id.uuidString, type: "test.Happened",
                                                 message: "tally refuses the event at 12"))
            #expect(failed.position == nil || failed.position! < 12)
            #expect(try await engine.status(of: "sturdy").phase == .live)
            // Still queryable, at its last commit.
            #expect(try await engine.value("fragile", key: "total").position == failed.position)
        }
    }

    @Test func aQueryWaitingWhenTheProjectionFailsIsWokenByTheFailure() async throws {
        let ledger = try TestLedger()
        try await ledger.append(5, to: "case-1")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store,
                                          projections: [Tally(name: "fragile", failAt: 8)], folds: [], upcasters: nil)
        try await whileRunning(engine) {
            // Live and announcing: later waits are answered from the announcements.
            try await engine.waitUntil("fragile", reached: 4, timeout: .seconds(120))
            let started = ContinuousClock.now
            let waiting = Task { try await engine.waitUntil("fragile", reached: 9, timeout: .seconds(120)) }
            try await Task.sleep(for: .milliseconds(100))
            _ = try await ledger.append(5, to: "case-2")  // positions 5 to 9; the projection refuses 8
            await #expect(throws: ProjectionError.self) { try await waiting.value }
            // Woken by the failure, not by its two-minute timeout.
            #expect(ContinuousClock.now - started < .seconds(60))
            #expect(try await engine.status(of: "fragile").failure?.position == 8)
        }
    }
}
