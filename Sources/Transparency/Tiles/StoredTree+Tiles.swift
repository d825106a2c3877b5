extension StoredTree {
    /// The bytes of `tile`: its hashes, 32 bytes each, concatenated. Refused when the
    /// tree does not yet have every hash the tile holds. A partial tile of an earlier
    /// size stays available, as its bytes never change.
    public func tileData(_ tile: Tile) throws -> [UInt8] {
        let available = tile.treeLevel >= 64 ? 0 : size >> UInt64(tile.treeLevel)
        guard let indices = tile.hashIndices, indices.upperBound <= available else {
            throw TreeError.sizeBeyondTree(size: Self.leavesNeeded(for: tile), treeSize: size)
        }
        let hashes = try store.hashes(level: tile.treeLevel, indices: indices)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * Hash.byteCount)
        for hash in hashes { hash.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// The tree size that first makes every hash of `tile` complete (saturating).
    private static func leavesNeeded(for tile: Tile) -> UInt64 {
        guard let end = tile.hashIndices?.upperBound, tile.treeLevel < 64,
            end.leadingZeroBitCount >= tile.treeLevel
        else { return .max }
        return end << UInt64(tile.treeLevel)
    }
}
