import JSON
import LMDB

/// A projection's state inside one engine transaction: ordered string keys to JSON values.
///
/// Values are stored in canonical JSON (sorted members), so a dump of the state is canonical by
/// construction. Valid only during the `apply` call it is handed to. Changes are held in memory
/// and written once per transaction, so a key touched by many events of a chunk is parsed and
/// serialised once.
public final class ProjectionStateWriter {
    private enum Slot {
        case clean(JSONValue)
        case changed(JSONValue)
        case deleted
        case absent
    }

    let transaction: WriteTransaction
    let database: Database
    private var slots: [String: Slot] = [:]
    private let parser = JSONParser()
    /// Committed values from earlier transactions (nil: none kept).
    private let committed: StateCache.Values?
    /// What `flush` wrote, to enter the cache once the transaction has committed.
    private(set) var written: [(key: String, value: JSONValue?)] = []

    init(transaction: WriteTransaction, database: Database, committed: StateCache.Values? = nil) {
        self.transaction = transaction
        self.database = database
        self.committed = committed
    }

    /// Enters what this transaction wrote into the cache; call only after it committed.
    func committedToCache() {
        guard let committed else { return }
        for change in written { committed.entries[change.key] = .some(change.value) }
        written.removeAll()
    }

    /// The value at `key`, if any.
    public func get(_ key: String) throws -> JSONValue? {
        switch slots[key] {
        case .clean(let value), .changed(let value): return value
        case .deleted, .absent: return nil
        case nil:
            let value = try stored(key)
            slots[key] = value.map(Slot.clean) ?? .absent
            return value
        }
    }

    /// Like `get`, but the writer lets go of the value so that changing it copies nothing;
    /// the caller must `put` the key again in the same `apply`.
    func take(_ key: String) throws -> JSONValue? {
        switch slots.removeValue(forKey: key) {
        case .clean(let value), .changed(let value): return value
        case .deleted, .absent: return nil
        case nil: return try stored(key)
        }
    }

    /// Sets `key` to `value`.
    public func put(_ key: String, _ value: JSONValue) throws {
        slots[key] = .changed(value)
    }

    /// Removes `key`; nothing happens when it is absent.
    public func delete(_ key: String) throws {
        slots[key] = .deleted
    }

    /// Entries whose key starts with `prefix`, in key order, after `after` when given.
    public func scan(prefix: String, after: String? = nil, limit: Int = .max) throws -> [ProjectionEntry] {
        try flush(keepingValues: true)
        return try ProjectionScan(prefix: prefix, after: after, limit: limit).entries(in: transaction, database: database)
    }

    /// Writes every change into the transaction, in key order (LMDB inserts fastest that way).
    /// `keepingValues` when `apply` goes on afterwards (a scan), so later reads stay cheap.
    func flush(keepingValues: Bool = false) throws {
        var changes: [(bytes: [UInt8], key: String, value: JSONValue?)] = []
        changes.reserveCapacity(slots.count)
        for (key, slot) in slots {
            switch slot {
            case .changed(let value): changes.append((Array(key.utf8), key, value))
            case .deleted: changes.append((Array(key.utf8), key, nil))
            case .clean, .absent: break
            }
        }
        changes.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let writer = JSONWriter(style: .canonical)
        for change in changes {
            if let value = change.value {
                try transaction.put(writer.bytes(value), for: change.bytes, in: database)
            } else {
                try transaction.delete(change.bytes, in: database)
            }
            if committed != nil { written.append((change.key, change.value)) }
            if keepingValues { slots[change.key] = change.value.map(Slot.clean) ?? .absent }
        }
        if !keepingValues { slots.removeAll() }
    }

    private func stored(_ key: String) throws -> JSONValue? {
        if let cached = committed?.entries[key] { return cached }
        let value = try transaction.get(Array(key.utf8), in: database).map { try parser.parse(Array($0)) }
        // As of this transaction's start, which is the last commit: the writer is the only one.
        committed?.entries[key] = .some(value)
        return value
    }
}
