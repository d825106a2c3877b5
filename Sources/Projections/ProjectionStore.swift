import CLMDB
import Foundation
import LMDB
import Synchronization

/// The `<data>/projections/` LMDB environment: the registry and one database per generation.
///
/// Reads may come from any thread. Writes (`write`) come only from the engine's writer thread.
final class ProjectionStore: Sendable {
    let environment: Environment
    let registry: Database
    let isReadOnly: Bool
    private let handles: Mutex<[String: Database]>
    /// LMDB forbids opening database handles from two threads at once.
    private let opening = NSLock()

    init(directory: String, readOnly: Bool, mapSize: Int) throws {
        let path = directory + "/projections"
        if !readOnly {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } else if !FileManager.default.fileExists(atPath: path + "/data.mdb") {
            throw ProjectionError.storage("\(path) holds no projections yet: start the server (or a rebuild) once")
        }
        var options = Environment.Options()
        options.maxDatabases = 512
        options.mapSize = mapSize
        options.readOnly = readOnly
        // State can always be rebuilt from the log; a power loss may lose the last commits, never
        // mix state and checkpoint, because both commit together.
        options.relaxedDurability = true
        environment = try Environment(path: path, options: options)
        // A map grown by an earlier run is kept by LMDB in the file; never open smaller than it.
        if !readOnly, environment.mapSize < mapSize { try environment.setMapSize(mapSize) }
        isReadOnly = readOnly
        registry = try environment.openDatabases(["registry"])["registry"]!
        handles = Mutex([:])
        if !readOnly { try deleteRetiredDatabases() }
    }

    // MARK: Records

    func record<T: Decodable>(_ type: T.Type, at key: String, in txn: some Transaction) throws -> T? {
        guard let bytes = try txn.get(Array(key.utf8), in: registry) else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(bytes))
    }

    func put<T: Encodable>(_ value: T, at key: String, in txn: WriteTransaction) throws {
        try txn.put(Array(try JSONEncoder().encode(value)), for: Array(key.utf8), in: registry)
    }

    func remove(_ key: String, in txn: WriteTransaction) throws {
        try txn.delete(Array(key.utf8), in: registry)
    }

    /// Registry keys starting with `prefix`, in order.
    func keys(prefix: String, in txn: some Transaction) throws -> [String] {
        let cursor = try txn.cursor(registry)
        let prefixBytes = Array(prefix.utf8)
        var keys: [String] = []
        var entry = try cursor.seek(atLeast: prefixBytes)
        while let current = entry, current.key.starts(with: prefixBytes) {
            keys.append(String(decoding: current.key, as: UTF8.self))
            entry = try cursor.next()
        }
        return keys
    }

    // MARK: Transactions

    func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        try environment.read(body)
    }

    /// One write transaction, applied again on a grown map when the map is full. Writer thread only.
    func write<T>(_ body: (WriteTransaction) throws -> T) throws -> T {
        guard !isReadOnly else { throw ProjectionError.storage("the projections were opened read-only") }
        while true {
            do {
                return try environment.write(body)
            } catch let error as LMDBError where error.isMapFull {
                try environment.setMapSize(environment.mapSize * 2)
            }
        }
    }

    // MARK: Databases

    /// The handle of a generation's database, opening (and, when writing, creating) it.
    /// Creating opens its own write transaction, so call it from the writer thread outside `write`.
    func database(_ name: String) throws -> Database {
        if let known = handles.withLock({ $0[name] }) { return known }
        opening.lock()
        defer { opening.unlock() }
        if let known = handles.withLock({ $0[name] }) { return known }
        let database = try environment.openDatabases([name])[name]!
        handles.withLock { $0[name] = database }
        return database
    }

    /// Empties a generation's database and marks it for deletion at the next open: a reader
    /// that still holds its handle keeps a valid one meanwhile.
    func retire(_ name: String, in txn: WriteTransaction) throws {
        try txn.clear(try database(name))
        try txn.put(Array("{}".utf8), for: Array(RegistryKey.retired(name).utf8), in: registry)
    }

    /// Deletes retired databases, at open, before any reader of this process holds them.
    private func deleteRetiredDatabases() throws {
        try write { txn in
            for key in try keys(prefix: RegistryKey.retiredPrefix, in: txn) {
                let name = String(key.dropFirst(RegistryKey.retiredPrefix.count))
                var dbi: MDB_dbi = 0
                let opened = mdb_dbi_open(txn.pointer, name, 0, &dbi)
                if opened == 0 {
                    let dropped = mdb_drop(txn.pointer, dbi, 1)
                    if dropped != 0 { throw LMDBError(code: dropped, operation: "deleting database '\(name)'") }
                } else if opened != MDB_NOTFOUND {
                    throw LMDBError(code: opened, operation: "opening database '\(name)' to delete it")
                }
                try remove(key, in: txn)
            }
        }
    }
}
