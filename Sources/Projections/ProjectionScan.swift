import JSON
import LMDB

/// A prefix scan over a state database, shared by the writer (inside `apply`) and by queries.
struct ProjectionScan {
    let prefix: String
    let after: String?
    let limit: Int

    func entries(in transaction: some Transaction, database: Database) throws -> [ProjectionEntry] {
        let prefixBytes = Array(prefix.utf8)
        let cursor = try transaction.cursor(database)
        var entry: Cursor.Entry?
        // LMDB cannot seek to an empty key (MDB_BAD_VALSIZE): an empty bound starts at the first key.
        func seek(_ key: [UInt8]) throws -> Cursor.Entry? { key.isEmpty ? try cursor.first() : try cursor.seek(atLeast: key) }
        if let after, !after.isEmpty, Array(after.utf8).lexicographicallyPrecedes(prefixBytes) == false {
            let afterBytes = Array(after.utf8)
            entry = try seek(afterBytes)
            // `after` is exclusive: step over it when present.
            if let found = entry, Array(found.key) == afterBytes { entry = try cursor.next() }
        } else {
            entry = try seek(prefixBytes)
        }
        var result: [ProjectionEntry] = []
        let parser = JSONParser()
        while let current = entry, result.count < limit {
            let key = Array(current.key)
            guard key.starts(with: prefixBytes) else { break }
            result.append(ProjectionEntry(key: String(decoding: key, as: UTF8.self), value: try parser.parse(Array(current.value))))
            entry = try cursor.next()
        }
        return result
    }
}
