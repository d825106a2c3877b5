import LMDB

/// The tree's stored hashes in LMDB: key = the hash's `StoredHashIndex` (the order the tree
/// completes its hashes) as 8 bytes big-endian; value = the 32-byte hash. Appending only ever
/// writes past the last key, so the writer appends (MDB_APPEND: full pages, no search), and the
/// hashes a run of leaves completes are one cursor range.
struct LMDBHashStore<T: Transaction>: HashStore {
    let txn: T
    let db: Database

    static func key(level: Int, index: UInt64) -> [UInt8] {
        withUnsafeBytes(of: StoredHashIndex.of(level: level, index: index).bigEndian) { Array($0) }
    }

    func hash(level: Int, index: UInt64) throws -> Hash {
        guard let bytes = try txn.get(Self.key(level: level, index: index), in: db) else {
            throw TreeError.missingHash(level: level, index: index)
        }
        return try Hash(stored: bytes)
    }

    /// A level's hashes are spread through the store (each sits where it was completed): one
    /// lookup each, in key order so the pages they share are read once.
    func hashes(level: Int, indices: Range<UInt64>) throws -> [Hash] {
        try indices.map { try hash(level: level, index: $0) }
    }

    /// The hashes stored from number `first` on, in order, `count` of them; each key is checked.
    func completed(from first: UInt64, count: Int) throws -> [Hash] {
        guard count > 0 else { return [] }
        let cursor = try txn.cursor(db)
        var result: [Hash] = []
        result.reserveCapacity(count)
        var entry = try cursor.seek(atLeast: withUnsafeBytes(of: first.bigEndian) { Array($0) })
        for number in first..<(first + UInt64(count)) {
            guard let e = entry, e.key.count == 8, e.key.bigEndian(at: 0) == number else {
                throw TreeError.missingStoredHash(number)
            }
            result.append(try Hash(stored: e.value))
            entry = try cursor.next()
        }
        return result
    }

    /// How many leaves the store holds, from how many hashes it holds.
    func leafCount() throws -> UInt64 {
        let cursor = try txn.cursor(db)
        guard let last = try cursor.last() else { return 0 }
        guard last.key.count == 8, let leaves = StoredHashIndex.leaves(storing: last.key.bigEndian(at: 0) + 1) else {
            throw TreeError.missingStoredHash(last.key.count == 8 ? last.key.bigEndian(at: 0) : 0)
        }
        return leaves
    }
}

extension LMDBHashStore where T == WriteTransaction {
    /// Writes in the ledger's writer, for every batch, in the order `CompactRange.append` gives
    /// (which is key order): each put appends; keys and values go from the stack.
    func store(_ hashes: [StoredHash]) throws {
        try withUnsafeTemporaryAllocation(byteCount: 8, alignment: 8) { key in
            for stored in hashes {
                key.storeBytes(of: StoredHashIndex.of(level: stored.level, index: stored.index).bigEndian, as: UInt64.self)
                try stored.hash.withUnsafeBytes { value in
                    try txn.put(value, for: UnsafeRawBufferPointer(key), in: db, options: .append)
                }
            }
        }
    }
}

extension UnsafeRawBufferPointer {
    func bigEndian(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
