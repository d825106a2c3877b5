/// A `HashStore` held in memory, one array per level: for tests, and for rebuilding
/// a tree from an audit bundle.
public struct InMemoryHashStore: HashStore, Sendable {
    private var levels: [[Hash]] = []

    /// An empty store.
    public init() {}

    /// Stores the hashes that `CompactRange.append(_:)` returned. Each level only
    /// grows at its end; an existing hash may be replaced (tests use that to tamper).
    public mutating func store(_ hashes: some Sequence<StoredHash>) throws(TreeError) {
        for stored in hashes {
            while levels.count <= stored.level { levels.append([]) }
            let count = UInt64(levels[stored.level].count)
            if stored.index == count {
                levels[stored.level].append(stored.hash)
            } else if stored.index < count {
                levels[stored.level][Int(stored.index)] = stored.hash
            } else {
                throw .hashOutOfOrder(level: stored.level, index: stored.index, expected: count)
            }
        }
    }

    public func hash(level: Int, index: UInt64) throws -> Hash {
        guard level >= 0, level < levels.count, index < UInt64(levels[level].count) else {
            throw TreeError.missingHash(level: level, index: index)
        }
        return levels[level][Int(index)]
    }

    public func hashes(level: Int, indices: Range<UInt64>) throws -> [Hash] {
        guard level >= 0, level < levels.count, indices.upperBound <= UInt64(levels[level].count) else {
            throw TreeError.missingHash(level: level, index: indices.upperBound - 1)
        }
        return Array(levels[level][Int(indices.lowerBound)..<Int(indices.upperBound)])
    }
}
