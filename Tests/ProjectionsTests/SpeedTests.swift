import EventLog
import Foundation
import LMDB
import Projections
import Testing

/// A measurement to run by hand in release mode, not a timed assertion:
/// `PROJECTIONS_SPEED=1000000 swift test -c release --filter SpeedTests`.
@Suite struct SpeedTests {
    static let events = ProcessInfo.processInfo.environment["PROJECTIONS_SPEED"].flatMap { Int($0) }

    @Test(.enabled(if: events != nil)) func rebuildOfStreamsBesideTheRawScanOfTheSameRecords() async throws {
        let wanted = Self.events ?? 0
        // PROJECTIONS_SPEED_LEDGER keeps the ledger between runs (made on the first one).
        let kept = ProcessInfo.processInfo.environment["PROJECTIONS_SPEED_LEDGER"]
        var configuration = LedgerConfiguration(directory: kept ?? NSTemporaryDirectory() + "civic-projections-speed-" + UUID().uuidString)
        configuration.durability = .relaxed
        let exists = FileManager.default.fileExists(atPath: configuration.logPath + "/data.mdb")
        try FileManager.default.createDirectory(atPath: configuration.directory, withIntermediateDirectories: true)
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: configuration.directory) } }
        let store = exists ? try LMDBEventStore(configuration) : try LMDBEventStore.initialize(configuration)
        defer { store.close() }
        if !exists { try await fill(store, count: wanted) }
        let count = Int(try await store.size())

        // The raw scan: one cursor over the records, touching each byte.
        var start = ContinuousClock.now
        var cpu = cpuSeconds()
        let events = try store.environment.openDatabases(["events"])["events"]!
        let scanned = try store.environment.read { txn -> (Int, UInt64) in
            let cursor = try txn.cursor(events)
            var n = 0, sum: UInt64 = 0
            var entry = try cursor.first()
            while let current = entry {
                for byte in current.value { sum &+= UInt64(byte) }
                n += 1
                entry = try cursor.next()
            }
            return (n, sum)
        }
        let raw = Double(scanned.0) / seconds(since: start)
        let rawCPU = Double(scanned.0) / (cpuSeconds() - cpu)

        start = ContinuousClock.now
        cpu = cpuSeconds()
        var next: UInt64? = 0, read = 0
        while let from = next {
            let page = try await store.readAll(from: from, direction: .forwards, limit: 4096, filter: .all)
            read += page.events.count
            next = page.reachedEnd ? nil : page.next
        }
        let replay = Double(read) / seconds(since: start)
        let replayCPU = Double(read) / (cpuSeconds() - cpu)

        let side = configuration.directory + "/side"
        try? FileManager.default.removeItem(atPath: side)
        try FileManager.default.createDirectory(atPath: side, withIntermediateDirectories: true)
        start = ContinuousClock.now
        cpu = cpuSeconds()
        let engine = try ProjectionEngine(directory: side, log: store, projections: [StreamSummaryProjection()], folds: [], upcasters: nil)
        try await engine.rebuildNow("streams")
        let rebuild = Double(count) / seconds(since: start)
        let rebuildCPU = Double(count) / (cpuSeconds() - cpu)
        // Per second of CPU (all threads) too: the machine is shared, so wall rates wander.
        print("speed per CPU-second: raw scan \(Int(rawCPU)), readAll \(Int(replayCPU)), rebuild \(Int(rebuildCPU)) = \(String(format: "%.2f", rebuildCPU / rawCPU)) of raw")
        print("speed: \(count) events: raw scan \(Int(raw))/s, readAll \(Int(replay))/s, rebuild of streams \(Int(rebuild))/s = \(String(format: "%.2f", rebuild / raw)) of raw")
        #expect(try await engine.status(of: "streams").position == UInt64(count - 1))
    }

    private func fill(_ store: LMDBEventStore, count: Int) async throws {
        let payload = #"{"text":""# + String(repeating: "x", count: 490) + #""}"#
        var appended = 0
        while appended < count {
            var requests: [[StreamAppend]] = []
            for _ in 0..<100 where appended < count {
                var request: [StreamAppend] = []
                var streams = Set<Int>()
                while request.count < 10 && appended < count {
                    let stream = Int.random(in: 0..<100_000)
                    guard streams.insert(stream).inserted else { continue }
                    request.append(StreamAppend(stream: try StreamName("speed-\(stream)"), expected: .any,
                                                events: [ProposedEvent(type: "bench.Appended", payload: payload)]))
                    appended += 1
                }
                requests.append(request)
            }
            for result in await store.appendInOrder(requests) { _ = try result.get() }
        }
    }

    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
