import EventLog
import Foundation
import Projections
import Testing

/// State and checkpoint commit together: whatever stops the engine, it resumes exactly after
/// its last commit, with no event applied twice or skipped.
@Suite struct ResumeTests {
    @Test func aHandlerFailingMidChunkKeepsTheLastCommitAndARestartAppliesEachEventOnce() async throws {
        let ledger = try TestLedger()
        try await ledger.append(45, to: "case-1")
        var options = ProjectionEngine.Options()
        options.chunkSize = 10
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally", failAt: 25)],
                                              folds: [], upcasters: nil, options: options)
            try await whileRunning(engine) {
                try await eventually("the failure") { try await engine.status(of: "tally").phase == .failed }
            }
            let status = try await engine.status(of: "tally")
            // The chunk 20...29 was not committed: state and position are at 19.
            #expect(status.position == 19)
            #expect(status.failure?.position == 25)
            let (counts, total) = try await engine.tallies("tally")
            #expect(counts == Dictionary(uniqueKeysWithValues: (0...19).map { (UInt64($0), 1) }))
            #expect(total == 20)
        }
        // A new process whose handler no longer fails: the same name and version go on from 20.
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("tally", reached: 44, timeout: .seconds(120))
        }
        let (counts, total) = try await engine.tallies("tally")
        #expect(counts == Dictionary(uniqueKeysWithValues: (0...44).map { (UInt64($0), 1) }))
        #expect(total == 45)
        #expect(try await engine.status(of: "tally").failure == nil)
    }

    @Test func stoppingAtAnyMomentAndStartingAgainAppliesEveryEventExactlyOnce() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(3000, streams: 7)
        var options = ProjectionEngine.Options()
        options.chunkSize = 64
        for stopAfter in [1, 3, 7, 15] {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                              folds: [], upcasters: nil, options: options)
            let task = Task { try await engine.run() }
            try await Task.sleep(for: .milliseconds(stopAfter))
            task.cancel()
            _ = await task.result
        }
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) { try await engine.waitUntil("tally", reached: 2999, timeout: .seconds(120)) }
        let (counts, total) = try await engine.tallies("tally")
        #expect(counts.count == 3000)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(total == 3000)
    }
}
