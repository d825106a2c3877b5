extension StoredTree {
    /// The consistency proof between the trees of the first `size1` and `size2` leaves
    /// (RFC 9162 §2.1.4.1); empty when the sizes are equal. `size2` defaults to the whole
    /// tree. A proof from the empty tree is not defined and is refused.
    public func consistencyProof(from size1: UInt64, to size2: UInt64? = nil) throws -> [Hash] {
        let size2 = size2 ?? size
        guard size2 <= size else { throw TreeError.sizeBeyondTree(size: size2, treeSize: size) }
        guard size1 <= size2 else { throw TreeError.firstSizeBeyondSecond(size1: size1, size2: size2) }
        guard size1 > 0 else { throw TreeError.emptyFirstTree }
        var proof: [Hash] = []
        guard size1 < size2 else { return proof }
        try appendSubproof(to: &proof, boundary: size1, from: 0, to: size2, isWholeFirstTree: true)
        return proof
    }

    /// SUBPROOF(m, D[start:end], b), with `boundary` = start + m.
    private func appendSubproof(
        to proof: inout [Hash], boundary: UInt64, from start: UInt64, to end: UInt64, isWholeFirstTree: Bool
    ) throws {
        if boundary == end {
            // The verifier already knows this subtree's hash when it is the whole first tree.
            if !isWholeFirstTree { proof.append(try rangeHash(from: start, to: end)) }
            return
        }
        let split = start + SubtreeSplit.largestPowerOfTwo(below: end - start)
        if boundary <= split {
            try appendSubproof(to: &proof, boundary: boundary, from: start, to: split, isWholeFirstTree: isWholeFirstTree)
            proof.append(try rangeHash(from: split, to: end))
        } else {
            try appendSubproof(to: &proof, boundary: boundary, from: split, to: end, isWholeFirstTree: false)
            proof.append(try rangeHash(from: start, to: split))
        }
    }
}
