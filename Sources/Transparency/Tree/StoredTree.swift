/// A tree of `size` leaves seen through its stored hashes. Roots and proofs for any
/// size up to `size` come from O(log n) reads: a complete subtree is one read, and
/// only the ragged right edge is combined.
public struct StoredTree<Store: HashStore> {
    /// The number of leaves the store holds hashes for.
    public let size: UInt64
    /// Where the hashes are read.
    public let store: Store

    /// A view of `store` as a tree of `size` leaves.
    public init(size: UInt64, store: Store) {
        self.size = size
        self.store = store
    }

    /// The root hash of the tree of the first `size` leaves; the root of the whole
    /// tree when `size` is omitted.
    public func root(size: UInt64? = nil) throws -> Hash {
        let size = size ?? self.size
        guard size <= self.size else { throw TreeError.sizeBeyondTree(size: size, treeSize: self.size) }
        return try rangeHash(from: 0, to: size)
    }

    /// MTH(D[start:end]) for a range the RFC's recursion produces.
    func rangeHash(from start: UInt64, to end: UInt64) throws -> Hash {
        let subtrees = SubtreeSplit.completeSubtrees(from: start, to: end)
        guard let last = subtrees.last else { return emptyTreeHash }
        var hash = try store.hash(level: last.level, index: last.index)
        for subtree in subtrees.dropLast().reversed() {
            hash = nodeHash(try store.hash(level: subtree.level, index: subtree.index), hash)
        }
        return hash
    }
}

extension StoredTree: Sendable where Store: Sendable {}
