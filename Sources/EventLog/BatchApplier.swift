import LMDB
import Foundation

/// Applies append requests inside the writer's transaction, one after another.
///
/// Every check of a request happens before any of its writes, so a request that is refused
/// (wrong expected version, id conflict) leaves the transaction as it found it and the other
/// requests of the batch still commit. Later requests see the writes of earlier ones.
struct BatchApplier {
    let dbs: LedgerDatabases
    let txn: WriteTransaction
    let recordedAt: Int64
    /// The position the next appended event takes.
    var nextPosition: UInt64
    private(set) var appendedBytes = 0
    /// How many streams this batch created (for the stream count in `meta`).
    private(set) var newStreams = 0
    /// Every record written in this batch, in position order (for what else the batch stores).
    private(set) var written: [(position: UInt64, record: [UInt8])] = []

    init(dbs: LedgerDatabases, txn: WriteTransaction, recordedAt: Int64) throws(LMDBError) {
        self.dbs = dbs
        self.txn = txn
        self.recordedAt = recordedAt
        let cursor = try txn.cursor(dbs.events)
        nextPosition = try cursor.last().map { $0.key.bigEndian(at: 0, as: UInt64.self) + 1 } ?? 0
    }

    mutating func apply(_ request: PreparedAppend) throws(LMDBError) -> Result<AppendResult, EventLogError> {
        if let replay = try replayOrConflict(request) { return replay }
        var current: [UInt64?] = []
        for stream in request.streams {
            let version = try dbs.lastVersion(of: stream.stream, in: txn)
            guard stream.expected.isSatisfied(by: version) else {
                return .failure(.wrongExpectedVersion(stream: stream.stream, expected: stream.expected, actual: version))
            }
            current.append(version)
        }
        var results: [StreamAppendResult] = []
        for (stream, version) in zip(request.streams, current) {
            results.append(try write(stream, after: version))
            if version == nil { newStreams += 1 }
        }
        return .success(AppendResult(streams: results, replayed: false))
    }

    private mutating func write(_ stream: PreparedAppend.Stream, after current: UInt64?) throws(LMDBError) -> StreamAppendResult {
        var version = current.map { $0 + 1 } ?? 0
        var appended: [AppendedEvent] = []
        let category = stream.stream.category
        for (i, event) in stream.events.enumerated() {
            var record = stream.records[i]
            EventRecord.stamp(&record, position: nextPosition, version: version, recordedAt: recordedAt)
            let position = LedgerKey.position(nextPosition)
            try txn.put(record, for: position, in: dbs.events, options: .append)
            try txn.put(position, for: LedgerKey.id(event.id), in: dbs.ids, options: .noOverwrite)
            try txn.put(position, for: LedgerKey.streamVersion(stream.stream, version), in: dbs.streamIndex)
            try txn.put([UInt8](), for: LedgerKey.prefixed(category, nextPosition), in: dbs.categories)
            if let correlation = stream.correlationIds[i] {
                try txn.put([UInt8](), for: LedgerKey.prefixed(correlation, nextPosition), in: dbs.correlations)
            }
            appended.append(AppendedEvent(id: event.id, version: version, position: nextPosition))
            written.append((nextPosition, record))
            appendedBytes += record.count
            nextPosition += 1
            version += 1
        }
        return StreamAppendResult(stream: stream.stream, events: appended)
    }

    /// nil when none of the request's ids is in the log; the original result when all are, with
    /// identical content; a conflict otherwise.
    private func replayOrConflict(_ request: PreparedAppend) throws(LMDBError) -> Result<AppendResult, EventLogError>? {
        var results: [StreamAppendResult] = []
        var found = 0, missing = 0
        var firstFound: (UUID, UInt64)?
        for stream in request.streams {
            var events: [AppendedEvent] = []
            for event in stream.events {
                guard let stored = try txn.get(LedgerKey.id(event.id), in: dbs.ids) else { missing += 1; continue }
                let position = stored.bigEndian(at: 0, as: UInt64.self)
                found += 1
                firstFound = firstFound ?? (event.id, position)
                guard let bytes = try txn.get(LedgerKey.position(position), in: dbs.events),
                      let recorded = try? EventRecord.decode(bytes, at: position) else {
                    return .failure(.corruptRecord(position: position, reason: "the id index points at a missing or unreadable record"))
                }
                guard recorded.hasSameContent(as: event, in: stream.stream) else {
                    return .failure(.idConflict(id: event.id, position: position,
                                                reason: "it was appended to \(recorded.stream) as \(recorded.type) with other content"))
                }
                events.append(AppendedEvent(id: event.id, version: recorded.version, position: position))
            }
            if !events.isEmpty { results.append(StreamAppendResult(stream: stream.stream, events: events)) }
        }
        if found == 0 { return nil }
        if let (id, position) = firstFound, missing > 0 {
            return .failure(.idConflict(id: id, position: position,
                                        reason: "it was appended by an earlier request; a retry must repeat that request unchanged, and new events need new ids"))
        }
        return .success(AppendResult(streams: results, replayed: true))
    }
}
