import Foundation
import LMDB

/// The event store on LMDB: one writer thread with group commit, readers on snapshots.
public final class LMDBEventStore: EventStore, @unchecked Sendable {
    public let configuration: LedgerConfiguration
    public let environment: Environment
    let dbs: LedgerDatabases
    let head: HeadWatch
    private let writer: Writer?
    private let lock: WriterLock?

    /// Creates the data directory and an empty ledger in it (it must not hold a ledger yet).
    @discardableResult
    public static func initialize(_ configuration: LedgerConfiguration, observers: [any BatchObserver] = []) throws -> LMDBEventStore {
        let fm = FileManager.default
        if fm.fileExists(atPath: configuration.logPath + "/data.mdb") {
            throw EventLogError.storage("\(configuration.directory) already holds a ledger")
        }
        try fm.createDirectory(atPath: configuration.logPath, withIntermediateDirectories: true)
        return try LMDBEventStore(configuration, creating: true, observers: observers)
    }

    /// Opens the ledger in `configuration.directory`. `observers` store their own data in the
    /// same transaction as each batch of events (the Merkle tree does).
    public convenience init(_ configuration: LedgerConfiguration, observers: [any BatchObserver] = []) throws {
        try self.init(configuration, creating: false, observers: observers)
    }

    init(_ configuration: LedgerConfiguration, creating: Bool, observers: [any BatchObserver] = []) throws {
        guard creating || FileManager.default.fileExists(atPath: configuration.logPath + "/data.mdb") else {
            throw EventLogError.notInitialized(path: configuration.directory)
        }
        self.configuration = configuration
        if case .write(let holder) = configuration.access {
            lock = try WriterLock(directory: configuration.directory, holder: holder)
        } else {
            lock = nil
        }
        var options = Environment.Options()
        options.mapSize = configuration.initialMapSize
        options.readOnly = configuration.access == .readOnly
        options.relaxedDurability = configuration.durability == .relaxed
        environment = try Environment(path: configuration.logPath, options: options)
        // A map grown by an earlier run is kept by LMDB in the file; never open smaller than it.
        if environment.mapSize < configuration.initialMapSize { try? environment.setMapSize(configuration.initialMapSize) }
        let dbs = try LedgerDatabases(environment: environment)
        self.dbs = dbs
        if creating {
            try environment.write { txn in
                try txn.put([EventRecord.formatVersion], for: LedgerKey.format, in: dbs.meta)
                try txn.put([UInt8].bigEndian(Timestamp.nowMicroseconds()), for: LedgerKey.createdAt, in: dbs.meta)
                try StorageLayout.stamp(txn, dbs: dbs)
            }
        } else {
            try StorageLayout.prepare(environment, dbs: dbs, directory: configuration.directory, writable: lock != nil)
        }
        for observer in observers { try observer.prepare(environment) }
        if case .write = configuration.access {
            for observer in observers { try Self.catchUp(observer, environment: environment, dbs: dbs) }
        }
        let size = try environment.read { txn in try txn.count(of: dbs.events) }
        head = HeadWatch(size: UInt64(size))
        if lock != nil {
            writer = Writer(environment: environment, dbs: dbs, limits: configuration.limits, head: head, observers: observers)
        } else {
            writer = nil
        }
    }

    /// Feeds an observer the records it has not seen, in bounded transactions.
    private static func catchUp(_ observer: any BatchObserver, environment: Environment, dbs: LedgerDatabases) throws {
        while true {
            let chunk: [(position: UInt64, record: [UInt8])] = try environment.read { txn in
                guard let seen = try observer.observedSize(in: txn) else { return [] }
                let cursor = try txn.cursor(dbs.events)
                var records: [(position: UInt64, record: [UInt8])] = []
                var entry = try cursor.seek(atLeast: LedgerKey.position(seen))
                while let e = entry, records.count < 10_000 {
                    records.append((e.key.bigEndian(at: 0, as: UInt64.self), Array(e.value)))
                    entry = try cursor.next()
                }
                return records
            }
            if chunk.isEmpty { return }
            try environment.write { txn in try observer.recordsAppended(chunk, in: txn) }
        }
    }

    /// Finishes every queued append, then stops the writer. Reads still work afterwards.
    public func close() {
        writer?.stop()
        lock?.release()
        head.wakeAll()
    }

    deinit { close() }

    public var isWritable: Bool { writer != nil }
    public var queueDepth: Int { writer?.queueDepth ?? 0 }
    public var writerStatistics: WriterStatistics { writer?.stats ?? WriterStatistics() }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        guard let writer else { throw EventLogError.storage("this ledger was opened read-only") }
        let request = try PreparedAppend(appends, limits: configuration.limits)
        return try await writer.submit(request)
    }

    /// Appends many requests in order, each accepted or refused on its own (bulk import).
    /// Requests that fail their checks are refused without reaching the writer.
    public func appendInOrder(_ requests: [[StreamAppend]]) async -> [Result<AppendResult, EventLogError>] {
        guard let writer else { return requests.map { _ in .failure(.storage("this ledger was opened read-only")) } }
        var results = [Result<AppendResult, EventLogError>?](repeating: nil, count: requests.count)
        var prepared: [PreparedAppend] = [], slots: [Int] = []
        for (i, request) in requests.enumerated() {
            do throws(EventLogError) {
                prepared.append(try PreparedAppend(request, limits: configuration.limits))
                slots.append(i)
            } catch {
                results[i] = .failure(error)
            }
        }
        if !prepared.isEmpty {
            for (slot, result) in zip(slots, await writer.submitAll(prepared)) { results[slot] = result }
        }
        return results.map { $0! }
    }

    public func size() async throws -> UInt64 { try currentSize() }

    func currentSize() throws -> UInt64 {
        if writer != nil { return head.size }
        return try environment.read { txn in UInt64(try txn.count(of: dbs.events)) }
    }

    public func waitForGrowth(beyond size: UInt64) async {
        if writer != nil {
            await head.wait(untilSizeExceeds: size)
        } else {
            // Another process writes: there is no in-process signal, so look again shortly.
            while !Task.isCancelled, (try? currentSize()).map({ $0 <= size }) ?? false {
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
