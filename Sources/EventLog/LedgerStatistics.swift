import Foundation
import LMDB

/// What `civic-ledger stats` prints.
public struct LedgerStatistics: Sendable, Codable, Equatable {
    public let events: UInt64
    public let streams: UInt64
    /// The bytes of all records (what the Merkle tree hashes).
    public let recordBytes: UInt64
    /// The last position, nil for an empty log.
    public let head: UInt64?
    /// The data file's size on disk and the pages LMDB uses in it.
    public let fileBytes: UInt64
    public let usedBytes: UInt64
    public let mapBytes: UInt64
}

extension LMDBEventStore {
    public func statistics() throws -> LedgerStatistics {
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: configuration.logPath + "/data.mdb")[.size] as? UInt64) ?? 0
        let usage = environment.usage()
        return try environment.read { txn in
            let events = UInt64(try txn.count(of: dbs.events))
            return LedgerStatistics(
                events: events, streams: try dbs.counter(LedgerKey.streamCount, in: txn),
                recordBytes: try dbs.counter(LedgerKey.recordBytes, in: txn),
                head: events == 0 ? nil : events - 1, fileBytes: fileBytes,
                usedBytes: UInt64(usage.usedBytes), mapBytes: UInt64(environment.mapSize))
        }
    }

    /// A hot, consistent, compacted copy of the log into `directory` (created; must be empty),
    /// taken from one snapshot while appends go on. The copy is a data directory of its own.
    public func backup(to directory: String) throws {
        let fm = FileManager.default
        let target = directory + "/log"
        if fm.fileExists(atPath: target + "/data.mdb") {
            throw EventLogError.storage("\(directory) already holds a ledger; back up into a new directory")
        }
        try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        try environment.copy(to: target)
    }
}
