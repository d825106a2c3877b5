import LMDB

/// The tree's stored hashes in LMDB: key = (level: UInt8, index: UInt64) big-endian, 9 bytes;
/// value = the 32-byte hash. One level's hashes sit together in index order, so a tile
/// (`tile/L/N`) is one cursor range at tree level 8·L.
struct LMDBHashStore<T: Transaction>: HashStore {
    let txn: T
    let db: Database

    static func key(level: Int, index: UInt64) -> [UInt8] {
        var key = [UInt8(level)]
        withUnsafeBytes(of: index.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    func hash(level: Int, index: UInt64) throws -> Hash {
        guard let bytes = try txn.get(Self.key(level: level, index: index), in: db) else {
            throw TreeError.missingHash(level: level, index: index)
        }
        return try Hash(stored: bytes)
    }

    func hashes(level: Int, indices: Range<UInt64>) throws -> [Hash] {
        guard !indices.isEmpty else { return [] }
        let cursor = try txn.cursor(db)
        var result: [Hash] = []
        result.reserveCapacity(indices.count)
        var entry = try cursor.seek(atLeast: Self.key(level: level, index: indices.lowerBound))
        for index in indices {
            guard let e = entry, e.key.elementsEqual(Self.key(level: level, index: index)) else {
                throw TreeError.missingHash(level: level, index: index)
            }
            result.append(try Hash(stored: e.value))
            entry = try cursor.next()
        }
        return result
    }

    /// How many leaves the store holds: one past the last level-0 index.
    func leafCount() throws -> UInt64 {
        let cursor = try txn.cursor(db)
        guard let last = try cursor.seek(atMost: Self.key(level: 0, index: .max)), last.key.first == 0 else { return 0 }
        return last.key.bigEndian(at: 1) + 1
    }
}

extension LMDBHashStore where T == WriteTransaction {
    func store(_ hashes: [StoredHash]) throws {
        for stored in hashes {
            try txn.put(stored.hash.bytes, for: Self.key(level: stored.level, index: stored.index), in: db)
        }
    }
}

extension UnsafeRawBufferPointer {
    func bigEndian(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
