/// Checks that the leaf with hash `leafHash` is at `index` in the tree of `treeSize`
/// leaves whose root is `root` (RFC 9162 §2.1.3.2). Needs no store.
public func verifyInclusion(
    leafHash: Hash, index: UInt64, treeSize: UInt64, proof: [Hash], root: Hash
) throws(ProofError) {
    let calculated = try rootFromInclusionProof(leafHash: leafHash, index: index, treeSize: treeSize, proof: proof)
    guard calculated == root else { throw .rootMismatch }
}

/// The root that an inclusion proof leads to, for callers that compare it themselves.
public func rootFromInclusionProof(
    leafHash: Hash, index: UInt64, treeSize: UInt64, proof: [Hash]
) throws(ProofError) -> Hash {
    guard index < treeSize else { throw .indexBeyondSize(index: index, size: treeSize) }
    let shape = ProofShape(index: index, size: treeSize)
    guard proof.count == shape.inner + shape.border else {
        throw .wrongProofLength(got: proof.count, want: shape.inner + shape.border)
    }
    let below = ProofShape.chainInner(leafHash, proof[..<shape.inner], index: index)
    return ProofShape.chainBorderRight(below, proof[shape.inner...])
}

/// The two parts of the audit path of `index` in a tree of `size` leaves: `inner`
/// hashes below the point where the path meets the right edge, then `border` hashes
/// that are all left siblings on that edge.
struct ProofShape {
    let inner: Int
    let border: Int

    init(index: UInt64, size: UInt64) {
        inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
        border = (inner == 64 ? 0 : index >> UInt64(inner)).nonzeroBitCount
    }

    /// Climbs from `seed` through siblings whose side is given by the bits of `index`.
    static func chainInner(_ seed: Hash, _ proof: ArraySlice<Hash>, index: UInt64) -> Hash {
        var hash = seed
        for (level, sibling) in proof.enumerated() {
            hash = (index >> UInt64(level)) & 1 == 0 ? nodeHash(hash, sibling) : nodeHash(sibling, hash)
        }
        return hash
    }

    /// Like `chainInner`, but only the left siblings: it recomputes the smaller tree's root.
    static func chainInnerRight(_ seed: Hash, _ proof: ArraySlice<Hash>, index: UInt64) -> Hash {
        var hash = seed
        for (level, sibling) in proof.enumerated() where (index >> UInt64(level)) & 1 == 1 {
            hash = nodeHash(sibling, hash)
        }
        return hash
    }

    /// Climbs the right edge, where every sibling is on the left.
    static func chainBorderRight(_ seed: Hash, _ proof: ArraySlice<Hash>) -> Hash {
        proof.reduce(seed) { hash, sibling in nodeHash(sibling, hash) }
    }
}
