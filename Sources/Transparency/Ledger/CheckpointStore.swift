import LMDB

/// Every checkpoint the log signed, keyed by tree size (u64 big-endian) → the signed note text.
struct CheckpointStore<T: Transaction> {
    let txn: T
    let db: Database

    static func key(_ size: UInt64) -> [UInt8] { withUnsafeBytes(of: size.bigEndian) { Array($0) } }

    /// The latest signed checkpoint, opened with `verifier` (so a replaced one is noticed).
    func latest(verifier: NoteVerifier) throws -> SignedCheckpoint? {
        guard let last = try txn.cursor(db).last() else { return nil }
        return try SignedCheckpoint(opening: String(decoding: last.value, as: UTF8.self), verifiers: [verifier])
    }

    /// The latest checkpoint's note text as stored.
    func latestText() throws -> String? {
        try txn.cursor(db).last().map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// The signed note text at exactly `size`, if the log signed one there.
    func text(at size: UInt64) throws -> String? {
        try txn.get(Self.key(size), in: db).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every stored checkpoint, in size order.
    func all() throws -> [(size: UInt64, text: String)] {
        let cursor = try txn.cursor(db)
        var result: [(UInt64, String)] = []
        var entry = try cursor.first()
        while let e = entry {
            result.append((e.key.bigEndian(at: 0), String(decoding: e.value, as: UTF8.self)))
            entry = try cursor.next()
        }
        return result
    }
}
