/// Read access to the stored hashes of a tree: every complete subtree hash at
/// every level, addressed by (level, index) with level 0 the leaves.
///
/// The math in this module reads only through this protocol, so a store may be an
/// LMDB read transaction, a dictionary in a test, or hashes from an audit bundle.
///
/// An ordered key-value store should key each hash by its `StoredHashIndex` (the order in
/// which appends complete the hashes), 8 bytes big-endian, with the 32 hash bytes as value:
/// appending then only ever writes past the last key, and the hashes a run of leaves completes
/// are one contiguous range.
public protocol HashStore {
    /// The hash of the complete subtree at (`level`, `index`). A store that does not
    /// hold it throws, for example `TreeError.missingHash(level:index:)`.
    func hash(level: Int, index: UInt64) throws -> Hash

    /// The hashes at `level` for consecutive `indices`, in order. Stores that can read
    /// a range in one pass (an LMDB cursor) should implement this; tiles use it.
    func hashes(level: Int, indices: Range<UInt64>) throws -> [Hash]
}

extension HashStore {
    /// Reads the range one hash at a time.
    public func hashes(level: Int, indices: Range<UInt64>) throws -> [Hash] {
        try indices.map { try hash(level: level, index: $0) }
    }
}
