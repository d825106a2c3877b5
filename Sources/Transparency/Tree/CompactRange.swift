/// The right edge of a growing tree: the roots of its complete subtrees, one per set
/// bit of the size, largest first. Appending a leaf needs no reads, and yields the
/// new complete subtree hashes that leaf finishes, ready to store.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves appended so far.
    public private(set) var size: UInt64
    /// Complete subtree roots, left to right (decreasing sizes).
    public private(set) var hashes: [Hash]

    /// The range of the empty tree.
    public init() {
        size = 0
        hashes = []
    }

    /// Reads the range of a tree of `size` leaves from its stored hashes: one read per
    /// set bit of `size`, so at most 64.
    public init(size: UInt64, store: some HashStore) throws {
        self.size = size
        hashes = try SubtreeSplit.completeSubtrees(from: 0, to: size).map {
            try store.hash(level: $0.level, index: $0.index)
        }
    }

    /// Appends the leaf with hash `leafHash` at index `size` and returns every hash that
    /// is complete now and was not before: the leaf itself, then one node for each
    /// subtree it closes (`1 + trailing ones of the old size` hashes, O(1) amortized).
    /// Store them in the same transaction as the record.
    @discardableResult
    public mutating func append(_ leafHash: Hash) -> [StoredHash] {
        var completed = [StoredHash(level: 0, index: size, hash: leafHash)]
        var node = leafHash
        var index = size
        var level = 0
        while index & 1 == 1 {
            node = nodeHash(hashes.removeLast(), node)
            index >>= 1
            level += 1
            completed.append(StoredHash(level: level, index: index, hash: node))
        }
        hashes.append(node)
        size += 1
        return completed
    }

    /// The root hash of the tree of `size` leaves (RFC 9162 §2.1.1).
    public var root: Hash {
        guard var root = hashes.last else { return emptyTreeHash }
        for left in hashes.dropLast().reversed() { root = nodeHash(left, root) }
        return root
    }
}
