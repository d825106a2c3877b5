import EventLog
import Foundation
import JSON
import LMDB

extension ProjectionEngine {
    /// The generation a query reads: the live one of a projection, or a snapshot's.
    func generation(answering name: String, in txn: ReadTransaction) throws -> GenerationRecord {
        if projections[name] != nil {
            guard let record = try store.record(ProjectionRecord.self, at: RegistryKey.projection(name), in: txn),
                  let live = try store.record(GenerationRecord.self, at: RegistryKey.generation(name, record.active), in: txn)
            else { throw ProjectionError.unknownProjection(name) }
            return live
        }
        guard name.contains("@"), let snapshot = try store.record(SnapshotRecord.self, at: RegistryKey.snapshot(name), in: txn),
              snapshot.complete,
              let generation = try store.record(GenerationRecord.self, at: RegistryKey.generation(snapshot.projection, snapshot.generation), in: txn)
        else { throw ProjectionError.unknownProjection(name) }
        return generation
    }

    /// Runs `body` on one snapshot of the generation answering for `name`.
    func reading<T>(_ name: String, _ body: (ReadTransaction, GenerationRecord, Database) throws -> T) throws -> T {
        try Self.storage {
            while true {
                // A database handle must exist before the transaction that uses it begins.
                let wanted = try store.read { txn in try generation(answering: name, in: txn) }
                let database = try store.database(wanted.databaseName)
                let answer = try store.read { txn -> T? in
                    let generation = try generation(answering: name, in: txn)
                    // Switched meanwhile: look again.
                    guard generation.generation == wanted.generation else { return nil }
                    return try body(txn, generation, database)
                }
                if let answer { return answer }
            }
        }
    }

    /// One key of a projection (or snapshot), with the position the state reflects.
    public func value(_ name: String, key: String) async throws -> (value: JSONValue?, position: UInt64?) {
        try reading(name) { txn, generation, database in
            let value = try txn.get(Array(key.utf8), in: database).map { try JSONParser().parse(Array($0)) }
            return (value, generation.position)
        }
    }

    /// A page of entries whose keys start with `prefix`, after `after`, at most `limit` (1...10,000).
    public func page(_ name: String, prefix: String, after: String?, limit: Int) async throws -> ProjectionPage {
        let limit = min(max(limit, 1), 10_000)
        return try reading(name) { txn, generation, database in
            var entries = try ProjectionScan(prefix: prefix, after: after, limit: limit + 1).entries(in: txn, database: database)
            var next: String?
            if entries.count > limit {
                entries.removeLast()
                next = entries.last?.key
            }
            return ProjectionPage(entries: entries, next: next, position: generation.position)
        }
    }

    /// Canonical sorted NDJSON: one `{"key":...,"value":...}` line per entry, keys in byte order,
    /// all from one snapshot of the state.
    public func dump(_ name: String, into write: (ArraySlice<UInt8>) throws -> Void) async throws {
        try reading(name) { txn, _, database in
            let cursor = try txn.cursor(database)
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 16)
            var entry = try cursor.first()
            while let current = entry {
                buffer.append(contentsOf: #"{"key":"#.utf8)
                buffer.append(contentsOf: JSONValue.string(String(decoding: current.key, as: UTF8.self)).serializedBytes())
                buffer.append(contentsOf: #","value":"#.utf8)
                // Stored canonical already: copied, not re-serialised.
                buffer.append(contentsOf: current.value)
                buffer.append(contentsOf: "}\n".utf8)
                if buffer.count >= 1 << 16 {
                    try write(buffer[...])
                    buffer.removeAll(keepingCapacity: true)
                }
                entry = try cursor.next()
            }
            if !buffer.isEmpty { try write(buffer[...]) }
        }
    }

    /// Waits (bounded by `timeout`, by default options.minPositionTimeout) until `name` has
    /// applied `position`; throws `.behind` (or `.failed` when it stopped short of it).
    public func waitUntil(_ name: String, reached position: UInt64, timeout: Duration? = nil) async throws {
        let deadline = ContinuousClock.now + (timeout ?? options.minPositionTimeout)
        while true {
            // In the writing process the live position is announced in memory: while the projection
            // follows the log (no failure since), a query waits on announcements alone, without
            // reading and decoding the registry for every query.
            if writer != nil, let known = watch.reached(name) {
                if known.position >= position { return }
                let now = ContinuousClock.now
                if !known.failedSince, now < deadline, !Task.isCancelled {
                    await watch.wait(name, reached: position, timeout: min(deadline - now, .milliseconds(500)))
                    continue
                }
            }
            let current = try reading(name) { _, generation, _ in generation }
            if let reached = current.position, reached >= position { return }
            // A failure recorded by an earlier run counts once nothing here is trying the event again.
            if let failure = current.failure, writer == nil || runners.withLock({ $0[current.databaseName]?.phase }) == .failed {
                throw ProjectionError.failed(failure)
            }
            let now = ContinuousClock.now
            if now >= deadline || Task.isCancelled || name.contains("@") {
                throw ProjectionError.behind(name: name, position: current.position, wanted: position)
            }
            // Announcements wake this at once in the writing process; elsewhere it looks again shortly.
            await watch.wait(name, reached: position, timeout: min(deadline - now, writer == nil ? .milliseconds(50) : .milliseconds(500)))
        }
    }

    /// An entity's state folded from its stream up to `asOf` (nil: now).
    public func entity(_ entity: String, key: String, asOf: AsOf?) async throws -> EntityState {
        guard let fold = folds[entity] else { throw ProjectionError.unknownEntity(entity) }
        let stream: StreamName
        do { stream = try fold.stream(for: key) } catch { throw ProjectionError.invalidKey("\(error)") }
        var state = fold.initial(key: key)
        var position: UInt64?
        var version: UInt64? = 0
        reading: while let from = version {
            let page = try await log.readStream(stream, from: from, direction: .forwards, limit: 1000)
            for event in page.events {
                if let asOf, !asOf.includes(event) { break reading }
                do {
                    state = try fold.fold(state, try projected(event, readingPayload: true))
                } catch {
                    throw ProjectionError.failed(ProjectionFailure(position: event.position, eventID: event.id.uuidString,
                                                                   type: event.type, message: "\(error)"))
                }
                position = event.position
            }
            version = page.reachedEnd ? nil : page.next
        }
        return EntityState(entity: entity, key: key, state: state, position: position, exists: position != nil)
    }
}
