import Testing
import Transparency

/// Every single-bit change to a proof hash, the leaf or a root must be refused.
@Suite("Single-bit changes are refused")
struct BitFlipTests {
    static let grown: GrownTree = try! GrownTree(leafCount: 300, seed: 77)
    static let inclusionCases: [(index: UInt64, size: UInt64)] = [(0, 1), (0, 2), (5, 8), (6, 7), (299, 300), (128, 300), (37, 100), (255, 256)]
    static let consistencyCases: [(size1: UInt64, size2: UInt64)] = [(1, 2), (3, 7), (4, 8), (6, 300), (128, 300), (255, 256), (100, 299)]

    @Test(arguments: inclusionCases)
    func inclusion(index: UInt64, size: UInt64) throws {
        let tree = Self.grown.tree
        let leaf = Self.grown.leaves[Int(index)]
        let proof = try tree.inclusionProof(index: index, size: size)
        let root = try tree.root(size: size)
        try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: proof, root: root)
        for bit in 0..<256 {
            #expect(throws: ProofError.rootMismatch) {
                try verifyInclusion(leafHash: leaf.flipping(bit: bit), index: index, treeSize: size, proof: proof, root: root)
            }
            #expect(throws: ProofError.rootMismatch) {
                try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: proof, root: root.flipping(bit: bit))
            }
            for position in proof.indices {
                var changed = proof
                changed[position] = try proof[position].flipping(bit: bit)
                #expect(throws: ProofError.rootMismatch) {
                    try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: changed, root: root)
                }
            }
        }
    }

    @Test(arguments: consistencyCases)
    func consistency(size1: UInt64, size2: UInt64) throws {
        let tree = Self.grown.tree
        let proof = try tree.consistencyProof(from: size1, to: size2)
        let root1 = try tree.root(size: size1)
        let root2 = try tree.root(size: size2)
        try verifyConsistency(size1: size1, size2: size2, proof: proof, root1: root1, root2: root2)
        for bit in 0..<256 {
            #expect(throws: ProofError.self) {
                try verifyConsistency(size1: size1, size2: size2, proof: proof, root1: root1.flipping(bit: bit), root2: root2)
            }
            #expect(throws: ProofError.secondRootMismatch) {
                try verifyConsistency(size1: size1, size2: size2, proof: proof, root1: root1, root2: root2.flipping(bit: bit))
            }
            for position in proof.indices {
                var changed = proof
                changed[position] = try proof[position].flipping(bit: bit)
                #expect(throws: ProofError.self) {
                    try verifyConsistency(size1: size1, size2: size2, proof: changed, root1: root1, root2: root2)
                }
            }
        }
    }
}
