import EventLog
import Foundation
import Projections
import Testing

/// Blue-green rebuilds: a new generation is built beside the live one and switched in atomically.
@Suite struct RebuildTests {
    /// The dump of `projection` built from nothing over `ledger`'s log in an environment of its own.
    static func freshDump(_ projection: any Projection, over ledger: TestLedger, until position: UInt64? = nil) async throws -> String {
        let side = try ledger.sideDirectory("fresh-" + UUID().uuidString)
        let engine = try ProjectionEngine(directory: side, log: ledger.store, projections: [projection], folds: [], upcasters: nil)
        if let position {
            try await engine.buildSnapshot(projection.name, until: position, as: "\(projection.name)@\(position)")
            return try await dumpText(engine, "\(projection.name)@\(position)")
        }
        let head = try await ledger.head()
        try await whileRunning(engine) { try await engine.waitUntil(projection.name, reached: head, timeout: .seconds(120)) }
        return try await dumpText(engine, projection.name)
    }

    @Test func aRebuildWhileAppendsContinueSwitchesToStateEqualToAFreshBuild() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(4000, streams: 50)
        var options = ProjectionEngine.Options()
        options.chunkSize = 128
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("streams", reached: 3999, timeout: .seconds(120))
            let before = try await engine.status(of: "streams")
            let appending = Task {
                for round in 0..<40 { try await ledger.append(5, to: "case-\(round % 60)", batch: 5) }
            }
            let generation = try await engine.rebuild("streams")
            #expect(generation == before.generation + 1)
            await #expect(throws: ProjectionError.rebuildInProgress("streams")) { try await engine.rebuild("streams") }
            // The old generation keeps answering while the new one is built.
            #expect(try await engine.value("streams", key: "stream/case-1").value?["stream"] == "case-1")
            try await appending.value
            let head = try await ledger.head()
            try await eventually("the switch") {
                let status = try await engine.status(of: "streams")
                return status.generation == generation && status.rebuild == nil
            }
            try await engine.waitUntil("streams", reached: head, timeout: .seconds(120))
        }
        #expect(try await dumpText(engine, "streams") == (try await Self.freshDump(StreamSummaryProjection(), over: ledger)))
        #expect(FileManager.default.fileExists(atPath: ledger.directory + "/projections/data.mdb"))
    }

    @Test func aNewVersionInCodeIsRebuiltAtStartWhileTheOldGenerationAnswers() async throws {
        let ledger = try TestLedger()
        try await ledger.append(50, to: "case-1")
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally", version: 1)],
                                              folds: [], upcasters: nil)
            try await whileRunning(engine) { try await engine.waitUntil("tally", reached: 49, timeout: .seconds(120)) }
            #expect(try await engine.status(of: "tally").generation == 1)
        }
        try await ledger.append(10, to: "case-2")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally", version: 2)],
                                          folds: [], upcasters: nil)
        // Before running, the version-1 generation answers as it was.
        #expect(try await engine.status(of: "tally").version == 1)
        #expect(try await engine.value("tally", key: "total").value == 50)
        try await whileRunning(engine) {
            try await eventually("version 2 live") {
                let status = try await engine.status(of: "tally")
                return status.version == 2 && status.rebuild == nil && status.position == 59
            }
        }
        let status = try await engine.status(of: "tally")
        #expect(status.generation == 2)
        let (counts, total) = try await engine.tallies("tally")
        #expect(total == 60)
        #expect(counts.values.allSatisfy { $0 == 1 } && counts.count == 60)
    }

    @Test func rebuildNowBuildsAndSwitchesWithoutARunningEngine() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(500, streams: 9)
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil)
        let positions = Positions()
        let generation = try await engine.rebuildNow("streams") { positions.add($0.position) }
        let status = try await engine.status(of: "streams")
        #expect(status.generation == generation && generation == 2)
        #expect(status.position == 499 && status.lag == 0 && status.rebuild == nil)
        #expect(positions.last == 499)
        #expect(try await dumpText(engine, "streams") == (try await Self.freshDump(StreamSummaryProjection(), over: ledger)))
    }

    @Test func aRebuildRecordedBeforeAStopIsResumedByTheNextRun() async throws {
        let ledger = try TestLedger()
        try await ledger.append(40, to: "case-1")
        var generation = 0
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                              folds: [], upcasters: nil)
            try await whileRunning(engine) { try await engine.waitUntil("tally", reached: 39, timeout: .seconds(120)) }
            // Asked for while nothing runs: it is recorded, and the process then stops.
            generation = try await engine.rebuild("tally")
            #expect(try await engine.status(of: "tally").rebuild?.generation == generation)
        }
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally")],
                                          folds: [], upcasters: nil)
        try await whileRunning(engine) {
            try await eventually("the switch") { try await engine.status(of: "tally").generation == generation }
        }
        let (counts, total) = try await engine.tallies("tally")
        #expect(total == 40 && counts.count == 40 && counts.values.allSatisfy { $0 == 1 })
    }

    @Test func aRebuildThatFailedIsReplacedByTheNextOneAndTheLiveGenerationKeepsAnswering() async throws {
        let ledger = try TestLedger()
        try await ledger.append(20, to: "case-1")
        var options = ProjectionEngine.Options()
        options.chunkSize = 5
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Tally(name: "tally", failAt: 30)],
                                          folds: [], upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await engine.waitUntil("tally", reached: 19, timeout: .seconds(120))
            try await ledger.append(20, to: "case-1")
            try await eventually("the live generation fails") { try await engine.status(of: "tally").phase == .failed }
            let first = try await engine.rebuild("tally")
            try await eventually("the rebuild stops at the same event") {
                try await engine.status(of: "tally").rebuild?.position == 29
            }
            // The build stops moving at 29 a moment before it records that event 30 failed.
            var second = 0
            try await eventually("the failed rebuild can be replaced") {
                do {
                    second = try await engine.rebuild("tally")
                    return true
                } catch ProjectionError.rebuildInProgress {
                    return false
                }
            }
            #expect(second == first + 1)
            let status = try await engine.status(of: "tally")
            #expect(status.generation == 1 && status.position == 29 && status.failure?.position == 30)
            #expect(try await engine.value("tally", key: "total").value == 30)
        }
    }

    @Test func aSnapshotAtAPositionEqualsAFreshBuildStoppedThereAndCanBeRemoved() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(900, streams: 13)
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil)
        try await whileRunning(engine) {
            try await engine.waitUntil("streams", reached: 899, timeout: .seconds(120))
            try await engine.buildSnapshot("streams", until: 400, as: "streams@400")
        }
        let snapshot = try await dumpText(engine, "streams@400")
        // Built independently: the events up to 400 only.
        let side = try ledger.sideDirectory("upto400")
        let bounded = try ProjectionEngine(directory: side, log: BoundedLog(base: ledger.store, size: 401), projections: [StreamSummaryProjection()],
                                           folds: [], upcasters: nil)
        try await whileRunning(bounded) { try await bounded.waitUntil("streams", reached: 400, timeout: .seconds(120)) }
        #expect(snapshot == (try await dumpText(bounded, "streams")))
        #expect(snapshot != (try await dumpText(engine, "streams")))
        #expect(try await engine.value("streams@400", key: "stream/case-0").position == 400)
        #expect(try await engine.status(of: "streams").snapshots == ["streams@400"])
        await #expect(throws: ProjectionError.readOnlySnapshot("streams@400")) { try await engine.rebuild("streams@400") }
        await #expect(throws: ProjectionError.self) { try await engine.buildSnapshot("streams", until: 400, as: "streams@400") }
        await #expect(throws: ProjectionError.self) { try await engine.buildSnapshot("streams", until: 5000, as: "streams@5000") }
        try await engine.removeSnapshot("streams@400")
        await #expect(throws: ProjectionError.unknownProjection("streams@400")) { try await engine.value("streams@400", key: "x") }
        #expect(try await engine.status(of: "streams").snapshots.isEmpty)
    }
}

/// Collects progress reports.
final class Positions: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [UInt64] = []
    func add(_ position: UInt64?) { lock.withLock { if let position { values.append(position) } } }
    var last: UInt64? { lock.withLock { values.last } }
}

/// A log that shows only its first `size` events (a fresh build stopped at a position).
struct BoundedLog: EventReader {
    let base: LMDBEventStore
    let size: UInt64

    func readStream(_ stream: StreamName, from version: UInt64?, direction: ReadDirection, limit: Int) async throws -> EventPage {
        try await base.readStream(stream, from: version, direction: direction, limit: limit)
    }
    func readAll(from position: UInt64?, direction: ReadDirection, limit: Int, filter: EventFilter) async throws -> EventPage {
        let start = position ?? 0
        var page = try await base.readAll(from: min(start, size), direction: direction, limit: max(1, min(limit, Int(size) - Int(min(start, size)))), filter: filter)
        page.events = page.events.filter { $0.position < size && $0.position >= start }
        if start >= size {
            page.next = start
            page.reachedEnd = true
        } else if let next = page.next, next >= size {
            page.next = size
            page.reachedEnd = true
        }
        return page
    }
    func event(at position: UInt64) async throws -> RecordedEvent? { position < size ? try await base.event(at: position) : nil }
    func event(id: UUID) async throws -> RecordedEvent? { try await base.event(id: id) }
    func size() async throws -> UInt64 { min(size, try await base.size()) }
    func version(of stream: StreamName) async throws -> UInt64? { try await base.version(of: stream) }
    func waitForGrowth(beyond size: UInt64) async { while !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) } }
}
