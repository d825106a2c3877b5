import Testing
import Transparency

/// The RFC 9162 vectors of transparency-dev/merkle, every file, through the verifier.
@Suite("Merkle proof vectors")
struct MerkleVectorTests {
    static let inclusionFiles = Vectors.jsonFiles(under: "merkle/testdata/inclusion")
    static let consistencyFiles = Vectors.jsonFiles(under: "merkle/testdata/consistency")

    struct InclusionCase: Decodable {
        let leafIdx: UInt64
        let treeSize: UInt64
        let root: String
        let leafHash: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    struct ConsistencyCase: Decodable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    @Test func allVectorFilesAreFound() {
        #expect(Self.inclusionFiles.count == 98)
        #expect(Self.consistencyFiles.count == 98)
    }

    @Test(arguments: inclusionFiles)
    func inclusion(_ file: String) throws {
        let vector = try Vectors.decode(InclusionCase.self, from: file)
        let leafHash = try Vectors.base64(vector.leafHash)
        let proof = try (vector.proof ?? []).map(Vectors.base64)
        let root = try Vectors.base64(vector.root)
        let verify = { () throws(ProofError) in
            try verifyInclusion(leafHash: leafHash, index: vector.leafIdx, treeSize: vector.treeSize, proof: proof, root: root)
        }
        if vector.wantErr {
            #expect(throws: ProofError.self, "\(file): \(vector.desc) must be refused") { try verify() }
        } else {
            #expect(throws: Never.self, "\(file): \(vector.desc) must verify") { try verify() }
        }
    }

    @Test(arguments: consistencyFiles)
    func consistency(_ file: String) throws {
        let vector = try Vectors.decode(ConsistencyCase.self, from: file)
        let proof = try (vector.proof ?? []).map(Vectors.base64)
        let root1 = try Vectors.base64(vector.root1)
        let root2 = try Vectors.base64(vector.root2)
        let verify = { () throws(ProofError) in
            try verifyConsistency(size1: vector.size1, size2: vector.size2, proof: proof, root1: root1, root2: root2)
        }
        if vector.wantErr {
            #expect(throws: ProofError.self, "\(file): \(vector.desc) must be refused") { try verify() }
        } else {
            #expect(throws: Never.self, "\(file): \(vector.desc) must verify") { try verify() }
        }
    }

    /// The happy-path vectors also go through the `Hash` entry points, so both agree.
    @Test(arguments: inclusionFiles.filter { $0.hasSuffix("happy-path.json") })
    func inclusionHappyPathWithHashes(_ file: String) throws {
        let vector = try Vectors.decode(InclusionCase.self, from: file)
        try verifyInclusion(
            leafHash: Hash(bytes: Vectors.base64(vector.leafHash)),
            index: vector.leafIdx,
            treeSize: vector.treeSize,
            proof: (vector.proof ?? []).map { try Hash(bytes: Vectors.base64($0)) },
            root: Hash(bytes: Vectors.base64(vector.root))
        )
    }
}
