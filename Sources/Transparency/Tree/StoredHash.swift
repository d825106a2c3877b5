/// One complete subtree hash as kept in storage: the node at `level` (0 = leaves)
/// and `index` covers leaves `index·2^level ..< (index+1)·2^level`.
public struct StoredHash: Sendable, Hashable, CustomStringConvertible {
    /// The height above the leaves; 0 for leaf hashes.
    public let level: Int
    /// The position of the node among the nodes of its level, from the left.
    public let index: UInt64
    /// The Merkle tree hash of the subtree.
    public let hash: Hash

    /// Names a stored hash.
    public init(level: Int, index: UInt64, hash: Hash) {
        self.level = level
        self.index = index
        self.hash = hash
    }

    public var description: String { "(\(level), \(index)) \(hash)" }
}
