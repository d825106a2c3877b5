// Proofs arrive from the wire as bytes. These entry points take them as received and
// turn a hash of the wrong length into a named refusal, so callers need no separate
// decoding step that could mask which check failed. They match transparency-dev/merkle,
// whose test vectors they are checked against.

/// `verifyInclusion` for hashes as received, each checked to be 32 bytes.
public func verifyInclusion(
    leafHash: [UInt8], index: UInt64, treeSize: UInt64, proof: [[UInt8]], root: [UInt8]
) throws(ProofError) {
    guard index < treeSize else { throw .indexBeyondSize(index: index, size: treeSize) }
    try verifyInclusion(
        leafHash: receivedHash(leafHash, field: "leaf hash"),
        index: index,
        treeSize: treeSize,
        proof: receivedProof(proof),
        root: receivedHash(root, field: "root")
    )
}

/// `verifyConsistency` for hashes as received, each checked to be 32 bytes. For equal
/// sizes the roots are compared byte for byte, as RFC 9162 only asks that they match.
public func verifyConsistency(
    size1: UInt64, size2: UInt64, proof: [[UInt8]], root1: [UInt8], root2: [UInt8]
) throws(ProofError) {
    try checkConsistencySizes(size1: size1, size2: size2, proofCount: proof.count)
    if size1 == size2 {
        guard root1 == root2 else { throw .secondRootMismatch }
        return
    }
    try verifyConsistency(
        size1: size1,
        size2: size2,
        proof: receivedProof(proof),
        root1: receivedHash(root1, field: "root1"),
        root2: receivedHash(root2, field: "root2")
    )
}

private func receivedHash(_ bytes: [UInt8], field: String) throws(ProofError) -> Hash {
    do {
        return try Hash(bytes: bytes)
    } catch {
        throw .malformedHash(field: field, byteCount: bytes.count)
    }
}

private func receivedProof(_ proof: [[UInt8]]) throws(ProofError) -> [Hash] {
    var hashes: [Hash] = []
    hashes.reserveCapacity(proof.count)
    for (position, bytes) in proof.enumerated() {
        hashes.append(try receivedHash(bytes, field: "proof[\(position)]"))
    }
    return hashes
}
