import Foundation
import LMDB

/// What `check` found: nothing when the log is sound, else each problem with where it is.
public struct IntegrityReport: Sendable, Codable, Equatable {
    public var eventsChecked: UInt64 = 0
    public var streamsChecked: UInt64 = 0
    public var problems: [String] = []
    public var isSound: Bool { problems.isEmpty }
}

extension LMDBEventStore {
    /// Structural integrity: positions gap-free from 0, every record decodes and names its own
    /// position, and every index entry points at its record and back. Reads one snapshot.
    /// Stops listing after `maxProblems`.
    public func check(maxProblems: Int = 100, progress: ((UInt64, UInt64) -> Void)? = nil) throws -> IntegrityReport {
        try environment.read { txn in
            var report = IntegrityReport()
            func problem(_ text: String) { if report.problems.count < maxProblems { report.problems.append(text) } }
            let total = UInt64(try txn.count(of: dbs.events))
            var streamVersions: [StreamName: UInt64] = [:]
            var categoryCount = 0
            let events = try txn.cursor(dbs.events)
            var expected: UInt64 = 0
            var entry = try events.first()
            while let e = entry {
                let p = e.key.bigEndian(at: 0, as: UInt64.self)
                if p != expected { problem("position \(expected) is missing: the next record is at \(p)") }
                expected = p + 1
                do {
                    let event = try EventRecord.decode(e.value, at: p)
                    if event.position != p { problem("the record at position \(p) says it is at position \(event.position)") }
                    if let id = try txn.get(LedgerKey.id(event.id), in: dbs.ids), id.bigEndian(at: 0, as: UInt64.self) == p {} else {
                        problem("event \(event.id.uuidString.lowercased()) at position \(p) is missing from the id index")
                    }
                    if let s = try txn.get(LedgerKey.streamVersion(event.stream, event.version), in: dbs.streamIndex),
                       s.bigEndian(at: 0, as: UInt64.self) == p {} else {
                        problem("\(event.stream) version \(event.version) at position \(p) is missing from the stream index")
                    }
                    if try txn.get(LedgerKey.prefixed(event.stream.category, p), in: dbs.categories) == nil {
                        problem("position \(p) is missing from the index of category \(event.stream.category)")
                    }
                    let seen = streamVersions[event.stream]
                    let next = seen.map { $0 + 1 } ?? 0
                    if event.version != next { problem("\(event.stream) jumps from version \(seen.map(String.init) ?? "none") to \(event.version) at position \(p)") }
                    streamVersions[event.stream] = event.version
                } catch {
                    problem("\(error)")
                }
                report.eventsChecked += 1
                if report.eventsChecked % 65_536 == 0 { progress?(report.eventsChecked, total) }
                entry = try events.next()
            }
            categoryCount = try txn.count(of: dbs.categories)
            if try txn.count(of: dbs.ids) != report.eventsChecked {
                problem("the id index holds \(try txn.count(of: dbs.ids)) entries for \(report.eventsChecked) events")
            }
            if try txn.count(of: dbs.streamIndex) != report.eventsChecked {
                problem("the stream index holds \(try txn.count(of: dbs.streamIndex)) entries for \(report.eventsChecked) events")
            }
            if categoryCount != report.eventsChecked {
                problem("the category index holds \(categoryCount) entries for \(report.eventsChecked) events")
            }
            let streamCount = try dbs.counter(LedgerKey.streamCount, in: txn)
            if streamCount != streamVersions.count {
                problem("the ledger counts \(streamCount) streams, the records name \(streamVersions.count)")
            }
            // A stream's version is read from the last key of its index entries: it must be its last record's.
            for (stream, version) in streamVersions {
                let indexed = try dbs.lastVersion(of: stream, in: txn)
                if indexed != version { problem("\(stream) is indexed at version \(indexed.map(String.init) ?? "none") but its last record has version \(version)") }
            }
            report.streamsChecked = UInt64(streamVersions.count)
            progress?(report.eventsChecked, total)
            return report
        }
    }
}
