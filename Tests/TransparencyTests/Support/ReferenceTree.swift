import Transparency

/// RFC 9162 §2.1 written as the RFC states it, recursively over all leaf hashes: the
/// slow reference the stored-hash implementation is compared with.
enum ReferenceTree {
    static func split(_ n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// MTH(D[n]) over leaf hashes.
    static func root(_ leaves: ArraySlice<Hash>) -> Hash {
        switch leaves.count {
        case 0: return emptyTreeHash
        case 1: return leaves[leaves.startIndex]
        default:
            let k = split(leaves.count)
            let middle = leaves.startIndex + k
            return nodeHash(root(leaves[..<middle]), root(leaves[middle...]))
        }
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        guard leaves.count > 1 else { return [] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m < k { return path(m, leaves[..<middle]) + [root(leaves[middle...])] }
        return path(m - k, leaves[middle...]) + [root(leaves[..<middle])]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ leaves: ArraySlice<Hash>) -> [Hash] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<Hash>, _ b: Bool) -> [Hash] {
        if m == leaves.count { return b ? [] : [root(leaves)] }
        let k = split(leaves.count)
        let middle = leaves.startIndex + k
        if m <= k { return subproof(m, leaves[..<middle], b) + [root(leaves[middle...])] }
        return subproof(m - k, leaves[middle...], false) + [root(leaves[..<middle])]
    }
}
