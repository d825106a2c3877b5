/// Checks that the tree of `size2` leaves with root `root2` extends the tree of
/// `size1` leaves with root `root1` (RFC 9162 §2.1.4.2). Needs no store.
///
/// Equal sizes need an empty proof and equal roots. A first size of 0 is refused:
/// every tree extends the empty one, so such a proof cannot show anything.
public func verifyConsistency(
    size1: UInt64, size2: UInt64, proof: [Hash], root1: Hash, root2: Hash
) throws(ProofError) {
    try checkConsistencySizes(size1: size1, size2: size2, proofCount: proof.count)
    if size1 == size2 {
        guard root1 == root2 else { throw .secondRootMismatch }
        return
    }
    // The proof is the tail of the audit path of leaf size1 - 1 in the larger tree,
    // starting at the level where the smaller tree's last complete subtree ends.
    let shape = ProofShape(index: size1 - 1, size: size2)
    let shift = size1.trailingZeroBitCount
    let inner = shape.inner - shift
    // When size1 is a power of two that subtree is the whole first tree, so it is not sent.
    let seedIsFirstRoot = size1 == UInt64(1) << UInt64(shift)
    let start = seedIsFirstRoot ? 0 : 1
    guard proof.count == start + inner + shape.border else {
        throw .wrongProofLength(got: proof.count, want: start + inner + shape.border)
    }
    let seed = seedIsFirstRoot ? root1 : proof[0]
    let path = proof[start...]
    let innerPath = path.prefix(inner)
    let borderPath = path.dropFirst(inner)
    let mask = (size1 - 1) >> UInt64(shift)

    let first = ProofShape.chainBorderRight(ProofShape.chainInnerRight(seed, innerPath, index: mask), borderPath)
    guard first == root1 else { throw .firstRootMismatch }
    let second = ProofShape.chainBorderRight(ProofShape.chainInner(seed, innerPath, index: mask), borderPath)
    guard second == root2 else { throw .secondRootMismatch }
}

/// The checks that come before any hashing, shared with the byte-level entry point.
func checkConsistencySizes(size1: UInt64, size2: UInt64, proofCount: Int) throws(ProofError) {
    guard size1 <= size2 else { throw .firstSizeBeyondSecond(size1: size1, size2: size2) }
    guard size1 > 0 else { throw .emptyFirstTree }
    if size1 == size2, proofCount > 0 { throw .proofForEqualSizes(count: proofCount) }
}
