import EventLog
import Foundation
import Testing

/// The storage around the log: map growth, the writer lock, backups, reopening.
@Suite("Storage")
struct StorageTests {
    @Test func theMapGrowsWhenItFillsAndNothingIsLost() async throws {
        let ledger = try TemporaryLedger { $0.initialMapSize = 256 * 1024 }
        let store = ledger.store
        let payload = #"{"fill":""# + String(repeating: "x", count: 2000) + #""}"#
        for i in 0..<200 {
            _ = try await store.append([event("test.Filled", payload), event("test.Filled", payload)], to: stream("fill-\(i % 7)"))
        }
        #expect(try await store.size() == 400)
        #expect(store.environment.mapSize > 256 * 1024)
        #expect(try store.check().isSound)
    }

    @Test func aSecondWriterIsRefusedAndNamed() throws {
        let ledger = try TemporaryLedger()
        do {
            _ = try LMDBEventStore(LedgerConfiguration(directory: ledger.directory.path, access: .write(holder: "second")))
            Issue.record("a second writer opened the same directory")
        } catch let error as EventLogError {
            guard case .dataDirectoryBusy(_, let holder) = error else { Issue.record("\(error)"); return }
            #expect(holder.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        }
        // Readers work beside the writer.
        let reader = try LMDBEventStore(LedgerConfiguration(directory: ledger.directory.path, access: .readOnly))
        #expect(!reader.isWritable)
    }

    @Test func aMissingLedgerSaysToRunInit() {
        let path = TemporaryDirectory().path + "/absent"
        #expect(throws: EventLogError.notInitialized(path: path)) {
            try LMDBEventStore(LedgerConfiguration(directory: path))
        }
    }

    @Test func aHotBackupIsConsistentAndPassesCheck() async throws {
        let ledger = try TemporaryLedger()
        let store = ledger.store
        for i in 0..<100 { _ = try await store.append([event()], to: stream("seed-\(i % 5)")) }
        let writers = Task {
            for i in 0..<300 { _ = try await store.append([event(), event()], to: stream("live-\(i % 3)")) }
        }
        let target = TemporaryDirectory()
        defer { target.remove() }
        try await Task.sleep(for: .milliseconds(20))
        try store.backup(to: target.path + "/copy")
        try await writers.value
        let copy = try LMDBEventStore(LedgerConfiguration(directory: target.path + "/copy", access: .readOnly))
        let report = try copy.check()
        #expect(report.isSound, "\(report.problems)")
        let copied = try await copy.size()
        #expect(copied >= 100 && copied <= 700 && copied % 2 == 0)
        // The copy holds exactly the original's first `copied` events.
        let original = try await store.readAll(from: 0, direction: .forwards, limit: Int(copied), filter: .all)
        let backedUp = try await copy.readAll(from: 0, direction: .forwards, limit: Int(copied), filter: .all)
        #expect(original.events == backedUp.events)
    }

    @Test func reopeningKeepsEverything() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var configuration = LedgerConfiguration(directory: directory.path)
        configuration.durability = .relaxed
        let first = try LMDBEventStore.initialize(configuration)
        let result = try await first.append([event(), event()], to: stream("case-1"))
        first.close()
        let second = try LMDBEventStore(configuration)
        defer { second.close() }
        #expect(try await second.size() == 2)
        #expect(try await second.event(id: result.streams[0].events[1].id)?.position == 1)
        let next = try await second.append([event()], to: stream("case-1"), expecting: .exactly(1))
        #expect(next.lastPosition == 2)
    }
}
