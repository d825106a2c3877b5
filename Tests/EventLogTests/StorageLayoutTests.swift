import EventLog
import Foundation
import Testing

/// The layout of the indexes beside the records: recorded, checked at open, upgraded from layout 1.
@Suite("Storage layout")
struct StorageLayoutTests {
    @Test func streamVersionsAndTheStreamCountComeFromTheIndexes() async throws {
        let ledger = try TemporaryLedger()
        let store = ledger.store
        _ = try await store.append([event(), event()], to: stream("case-1"))
        _ = try await store.append([StreamAppend(stream: stream("case-2"), events: [event()]),
                                    StreamAppend(stream: stream("case-10"), events: [event()])])
        _ = try await store.append([event()], to: stream("case-1"), expecting: .exactly(1))
        // A name that is a prefix of another is its own stream.
        #expect(try await store.version(of: stream("case-1")) == 2)
        #expect(try await store.version(of: stream("case-10")) == 0)
        #expect(try await store.version(of: stream("case")) == nil)
        #expect(try await store.version(of: stream("case-3")) == nil)
        #expect(try store.statistics().streams == 3)
        await #expect(throws: EventLogError.wrongExpectedVersion(stream: stream("case-1"), expected: .noStream, actual: 2)) {
            try await store.append([event()], to: stream("case-1"), expecting: .noStream)
        }
        let report = try store.check()
        #expect(report.isSound, "\(report.problems)")
        #expect(report.streamsChecked == 3)
    }

    @Test func aLayoutThisProgramDoesNotKnowIsRefusedByName() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let configuration = LedgerConfiguration(directory: directory.path)
        try Self.rewriteMeta(of: LMDBEventStore.initialize(configuration), put: ["layout": [9]])
        for access in [LedgerConfiguration.Access.readOnly, .write(holder: "test")] {
            do {
                _ = try LMDBEventStore(LedgerConfiguration(directory: directory.path, access: access))
                Issue.record("opened a ledger of layout 9")
            } catch let error as EventLogError {
                #expect(error.description.contains("storage layout 9"), "\(error)")
            }
        }
    }

    @Test func aLayout1LedgerIsRefusedReadOnlyAndUpgradedByAWriter() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let configuration = LedgerConfiguration(directory: directory.path)
        do {
            let store = try LMDBEventStore.initialize(configuration)
            _ = try await store.append([event(), event()], to: stream("case-1"))
            _ = try await store.append([event()], to: stream("case-2"))
            // What layout 1 stored: no layout, no stream count, a `streams` table of last versions.
            try Self.rewriteMeta(of: store, delete: ["layout", "stream-count"],
                                 streams: ["case-1": 1, "case-2": 0])
        }
        do {
            _ = try LMDBEventStore(LedgerConfiguration(directory: directory.path, access: .readOnly))
            Issue.record("a reader opened a layout 1 ledger")
        } catch let error as EventLogError {
            #expect(error.description.contains("layout 1"), "\(error)")
        }
        do {
            let upgraded = try LMDBEventStore(configuration)
            defer { upgraded.close() }
            #expect(try upgraded.statistics().streams == 2)
            #expect(try await upgraded.version(of: stream("case-1")) == 1)
            _ = try await upgraded.append([event()], to: stream("case-1"), expecting: .exactly(1))
            _ = try await upgraded.append([event()], to: stream("case-3"), expecting: .noStream)
            #expect(try upgraded.statistics().streams == 3)
            #expect(try upgraded.check().isSound)
        }
        let reader = try LMDBEventStore(LedgerConfiguration(directory: directory.path, access: .readOnly))
        #expect(try await reader.version(of: stream("case-1")) == 2)
    }

    /// Edits `meta` (and fills a `streams` table) through the store's own environment: LMDB
    /// allows one environment per file in a process. Closes the store.
    private static func rewriteMeta(of store: LMDBEventStore, put: [String: [UInt8]] = [:], delete: [String] = [],
                                    streams: [String: UInt64] = [:]) throws {
        defer { store.close() }
        let environment = store.environment
        let dbs = try environment.openDatabases(["meta", "streams"])
        try environment.write { txn in
            for (key, value) in put { try txn.put(value, for: Array(key.utf8), in: dbs["meta"]!) }
            for key in delete { try txn.delete(Array(key.utf8), in: dbs["meta"]!) }
            for (name, version) in streams {
                try txn.put(withUnsafeBytes(of: version.bigEndian) { Array($0) }, for: Array(name.utf8), in: dbs["streams"]!)
            }
        }
    }
}
