extension StoredTree {
    /// The inclusion proof (audit path) of leaf `index` in the tree of the first `size`
    /// leaves, ordered from the leaf upwards (RFC 9162 §2.1.3.1). `size` defaults to the
    /// whole tree.
    public func inclusionProof(index: UInt64, size: UInt64? = nil) throws -> [Hash] {
        let size = size ?? self.size
        guard size <= self.size else { throw TreeError.sizeBeyondTree(size: size, treeSize: self.size) }
        guard index < size else { throw TreeError.indexBeyondSize(index: index, size: size) }
        var proof: [Hash] = []
        proof.reserveCapacity(64 - size.leadingZeroBitCount)
        try appendPath(to: &proof, index: index, from: 0, to: size)
        return proof
    }

    /// PATH(m, D[start:end]): the sibling of the half holding `index`, after that half's own path.
    private func appendPath(to proof: inout [Hash], index: UInt64, from start: UInt64, to end: UInt64) throws {
        guard end - start > 1 else { return }
        let split = start + SubtreeSplit.largestPowerOfTwo(below: end - start)
        if index < split {
            try appendPath(to: &proof, index: index, from: start, to: split)
            proof.append(try rangeHash(from: split, to: end))
        } else {
            try appendPath(to: &proof, index: index, from: split, to: end)
            proof.append(try rangeHash(from: start, to: split))
        }
    }
}
