import Testing
import Transparency

@Suite("Proofs from stored hashes (RFC 9162 §2.1.3, §2.1.4)")
struct ProofGenerationTests {
    static let grown: GrownTree = try! GrownTree(leafCount: 300, seed: 42)

    /// Indices to check for a tree of `size`: both ends, the middle, powers of two and
    /// a few random ones; every index for small trees.
    static func sampleIndices(size: Int, random: inout SeededRandom) -> Set<Int> {
        if size <= 40 { return Set(0..<size) }
        var picks: Set<Int> = [0, size - 1, size / 2]
        var power = 1
        while power < size { picks.formUnion([power - 1, power].filter { $0 < size }); power <<= 1 }
        for _ in 0..<4 { picks.insert(Int.random(in: 0..<size, using: &random)) }
        return picks
    }

    @Test func rootsForEverySizeMatchTheReference() throws {
        let tree = Self.grown.tree
        for size in 0...300 {
            #expect(try tree.root(size: UInt64(size)) == ReferenceTree.root(Self.grown.leaves[..<size]))
        }
    }

    @Test func inclusionProofsEqualTheReferenceAndVerify() throws {
        let tree = Self.grown.tree
        var random = SeededRandom(state: 7)
        var checked = 0
        for size in 1...300 {
            let root = ReferenceTree.root(Self.grown.leaves[..<size])
            for index in Self.sampleIndices(size: size, random: &random) {
                let proof = try tree.inclusionProof(index: UInt64(index), size: UInt64(size))
                #expect(proof == ReferenceTree.path(index, Self.grown.leaves[..<size]), "index \(index) size \(size)")
                try verifyInclusion(
                    leafHash: Self.grown.leaves[index], index: UInt64(index), treeSize: UInt64(size), proof: proof, root: root)
                checked += 1
            }
        }
        #expect(checked > 3_000)
    }

    @Test func consistencyProofsEqualTheReferenceAndVerify() throws {
        let tree = Self.grown.tree
        var random = SeededRandom(state: 8)
        var checked = 0
        for size2 in 1...300 {
            let root2 = ReferenceTree.root(Self.grown.leaves[..<size2])
            for size1 in Self.sampleIndices(size: size2, random: &random).map({ $0 + 1 }) {
                let proof = try tree.consistencyProof(from: UInt64(size1), to: UInt64(size2))
                #expect(proof == ReferenceTree.proof(size1, Self.grown.leaves[..<size2]), "\(size1) → \(size2)")
                try verifyConsistency(
                    size1: UInt64(size1), size2: UInt64(size2), proof: proof,
                    root1: ReferenceTree.root(Self.grown.leaves[..<size1]), root2: root2)
                checked += 1
            }
        }
        #expect(checked > 3_000)
    }

    @Test func proofsFromATreeOfExactlyThatSize() throws {
        var grown = try GrownTree(leafCount: 0, seed: 9)
        for size in 1...70 {
            try grown.append([UInt8(size)])
            let tree = grown.tree
            let root = try tree.root()
            for index in 0..<size {
                let proof = try tree.inclusionProof(index: UInt64(index))
                try verifyInclusion(leafHash: grown.leaves[index], index: UInt64(index), treeSize: UInt64(size), proof: proof, root: root)
            }
            let proof = try tree.consistencyProof(from: UInt64((size + 1) / 2))
            try verifyConsistency(
                size1: UInt64((size + 1) / 2), size2: UInt64(size), proof: proof,
                root1: tree.root(size: UInt64((size + 1) / 2)), root2: root)
        }
    }

    @Test func generationRefusesWhatTheTreeCannotProve() throws {
        let tree = Self.grown.tree
        #expect(throws: TreeError.sizeBeyondTree(size: 301, treeSize: 300)) { try tree.inclusionProof(index: 0, size: 301) }
        #expect(throws: TreeError.indexBeyondSize(index: 10, size: 10)) { try tree.inclusionProof(index: 10, size: 10) }
        #expect(throws: TreeError.sizeBeyondTree(size: 301, treeSize: 300)) { try tree.consistencyProof(from: 1, to: 301) }
        #expect(throws: TreeError.firstSizeBeyondSecond(size1: 5, size2: 4)) { try tree.consistencyProof(from: 5, to: 4) }
        #expect(throws: TreeError.emptyFirstTree) { try tree.consistencyProof(from: 0, to: 4) }
        #expect(try tree.consistencyProof(from: 17, to: 17).isEmpty)
        #expect(throws: TreeError.sizeBeyondTree(size: 400, treeSize: 300)) { try tree.root(size: 400) }
    }

    @Test func verificationNamesWhatIsWrong() throws {
        let tree = Self.grown.tree
        let leaf = Self.grown.leaves[5]
        let proof = try tree.inclusionProof(index: 5, size: 100)
        let root = try tree.root(size: 100)
        #expect(throws: ProofError.indexBeyondSize(index: 100, size: 100)) {
            try verifyInclusion(leafHash: leaf, index: 100, treeSize: 100, proof: proof, root: root)
        }
        #expect(throws: ProofError.wrongProofLength(got: proof.count - 1, want: proof.count)) {
            try verifyInclusion(leafHash: leaf, index: 5, treeSize: 100, proof: proof.dropLast(), root: root)
        }
        #expect(throws: ProofError.rootMismatch) {
            try verifyInclusion(leafHash: leaf, index: 6, treeSize: 100, proof: proof, root: root)
        }
        let consistency = try tree.consistencyProof(from: 10, to: 100)
        let root10 = try tree.root(size: 10)
        #expect(throws: ProofError.firstSizeBeyondSecond(size1: 100, size2: 10)) {
            try verifyConsistency(size1: 100, size2: 10, proof: consistency, root1: root, root2: root10)
        }
        #expect(throws: ProofError.emptyFirstTree) {
            try verifyConsistency(size1: 0, size2: 100, proof: consistency, root1: emptyTreeHash, root2: root)
        }
        #expect(throws: ProofError.proofForEqualSizes(count: consistency.count)) {
            try verifyConsistency(size1: 100, size2: 100, proof: consistency, root1: root, root2: root)
        }
        #expect(throws: ProofError.firstRootMismatch) {
            try verifyConsistency(size1: 10, size2: 100, proof: consistency, root1: leaf, root2: root)
        }
        #expect(throws: ProofError.secondRootMismatch) {
            try verifyConsistency(size1: 10, size2: 100, proof: consistency, root1: root10, root2: leaf)
        }
        #expect(throws: ProofError.malformedHash(field: "proof[1]", byteCount: 3)) {
            try verifyInclusion(
                leafHash: leaf.bytes, index: 5, treeSize: 100,
                proof: [proof[0].bytes, [1, 2, 3]] + proof.dropFirst(2).map(\.bytes), root: root.bytes)
        }
    }
}
