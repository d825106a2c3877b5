import EventLog
import Foundation
@testable import Projections
import Testing

/// A live projection passes over records it does not read without a commit per append: it
/// announces their positions at once and writes its checkpoint once the log has been quiet.
@Suite struct PassingOverTests {
    /// The checkpoint stored in the registry for a generation (what a restart resumes from).
    static func storedPosition(_ engine: ProjectionEngine, _ name: String, generation: Int = 1) throws -> UInt64? {
        try engine.store.read { txn in
            try engine.store.record(GenerationRecord.self, at: RegistryKey.generation(name, generation), in: txn)?.position
        }
    }

    @Test func positionsPassedOverAreAnnouncedAtOnceAndWrittenWhenTheLogIsQuiet() async throws {
        let ledger = try TestLedger()
        let opened = try await ledger.append(1, to: "case-1", type: "test.Opened")
        var options = ProjectionEngine.Options()
        options.checkpointInterval = .seconds(5)
        let started = ContinuousClock.now
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store,
                                          projections: [Tally(name: "opened", eventTypes: ["test.Opened"])],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("opened", reached: opened)
            try await eventually("written") { try Self.storedPosition(engine, "opened") == opened }
            var last = opened
            for round in 0..<20 {
                last = try await ledger.append(1, to: "case-\(round % 3)", type: "test.Changed")
                // Answered from the announcement: no write was needed for a record it does not read.
                try await engine.waitUntil("opened", reached: last, timeout: .seconds(30))
            }
            let status = try await engine.status(of: "opened")
            #expect(status.position == last && status.lag == 0 && status.phase == .live)
            let stored = try #require(try Self.storedPosition(engine, "opened"))
            // Unless this machine took the whole interval for the appends (then it may have written once).
            if ContinuousClock.now - started < options.checkpointInterval {
                #expect(stored < last, "the checkpoint trails while appends keep coming")
            }
            // Quiet for the interval: the checkpoint is written.
            try await eventually("the checkpoint") { try Self.storedPosition(engine, "opened") == last }
            #expect(try await engine.value("opened", key: "total").value == 1)
        }
    }

    @Test func aStopBeforeTheCheckpointIsWrittenScansThoseRecordsAgainAndAppliesNothingTwice() async throws {
        let ledger = try TestLedger()
        var options = ProjectionEngine.Options()
        options.checkpointInterval = .seconds(60)
        let tally = Tally(name: "opened", eventTypes: ["test.Opened"])
        var last: UInt64 = 0
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [tally], folds: [],
                                              upcasters: nil, options: options)
            try await whileRunning(engine) {
                last = try await ledger.append(2, to: "case-1", type: "test.Opened")
                try await engine.waitUntil("opened", reached: last)
                for round in 0..<10 {
                    last = try await ledger.append(3, to: "case-\(round)", type: "test.Changed")
                    try await engine.waitUntil("opened", reached: last, timeout: .seconds(30))
                }
                #expect(try Self.storedPosition(engine, "opened")! < last)
            }
        }
        last = try await ledger.append(1, to: "case-9", type: "test.Opened")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [tally], folds: [],
                                          upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("opened", reached: last, timeout: .seconds(30))
            #expect(try await engine.value("opened", key: "total").value == 3)
        }
    }

    @Test func aRebuildSwitchesOnlyOnceItHasWhatTheLiveOneAnnounced() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(600, streams: 20, types: ["test.Opened", "test.Changed", "test.Changed"])
        var options = ProjectionEngine.Options()
        options.chunkSize = 64
        let tally = Tally(name: "opened", eventTypes: ["test.Opened"])
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [tally], folds: [],
                                          upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("opened", reached: 599, timeout: .seconds(120))
            let appending = Task {
                var last: UInt64 = 0
                for round in 0..<60 {
                    last = try await ledger.append(1, to: "case-\(round % 7)", type: round % 10 == 0 ? "test.Opened" : "test.Changed")
                    // Every wait that returns must find the append applied, across the switch too.
                    try await engine.waitUntil("opened", reached: last, timeout: .seconds(60))
                    let total = try await engine.value("opened", key: "total").value?.numberValue?.intValue ?? 0
                    #expect(total == 200 + round / 10 + 1, "after append \(round)")
                }
                return last
            }
            let generation = try await engine.rebuild("opened")
            let last = try await appending.value
            try await eventually("the switch") {
                let status = try await engine.status(of: "opened")
                return status.generation == generation && status.rebuild == nil
            }
            try await engine.waitUntil("opened", reached: last, timeout: .seconds(60))
        }
        #expect(try await dumpText(engine, "opened") == (try await RebuildTests.freshDump(tally, over: ledger)))
    }
}
