import EventLog
import Foundation
import Testing
import Transparency

/// Proofs served from a real ledger verify, and any single-bit change to them is refused.
@Suite("Verifiable log: proofs from a real ledger")
struct LedgerProofTests {
    @Test func everyBatchIsCheckpointedAndSigned() async throws {
        let ledger = try LedgerFixture()
        try await ledger.fill(10, perRequest: 3)
        let proofs = try ledger.proofs
        let note = try proofs.latestCheckpoint()
        let signed = try SignedCheckpoint(opening: note, verifiers: [ledger.signer.verifier])
        #expect(signed.checkpoint.size == 10)
        #expect(signed.checkpoint.origin == "test.civic-ledger.example/log")
        #expect(try proofs.checkpoints().map(\.size) == [3, 6, 9, 10])
        // The root is the RFC 9162 root of the records' leaf hashes, computed here independently.
        let records = try await ledger.store.readAll(from: 0, direction: .forwards, limit: 100, filter: .all).events.map(\.record)
        #expect(signed.checkpoint.root == referenceRoot(records.map { leafHash($0) }))
        for event in try await ledger.store.readAll(from: 0, direction: .forwards, limit: 100, filter: .all).events {
            #expect(try proofs.leafHash(at: event.position) == leafHash(event.record))
        }
    }

    @Test func proofsForRandomPositionsAndSizesOfA100kLogVerify() async throws {
        let ledger = try LedgerFixture(durability: .relaxed)
        try await ledger.fill(100_000, perRequest: 500)
        let proofs = try ledger.proofs
        #expect(try proofs.treeSize() == 100_000)
        var random = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let size = UInt64.random(in: 1...100_000, using: &random)
            let position = UInt64.random(in: 0..<size, using: &random)
            let proof = try proofs.inclusionProof(position: position, size: size)
            let record = try #require(try await ledger.store.event(at: position)).record
            let root = try proofs.root(size: size)
            let hashes = try proof.hashes.map { try Hash(base64: $0) }
            try verifyInclusion(leafHash: leafHash(record), index: position, treeSize: size, proof: hashes, root: root)
            let older = UInt64.random(in: 1...size, using: &random)
            let consistency = try proofs.consistencyProof(from: older, to: size)
            try verifyConsistency(size1: older, size2: size, proof: try consistency.hashes.map { try Hash(base64: $0) },
                                  root1: try proofs.root(size: older), root2: root)
            if round < 5 { try everyBitFlipIsRefused(leaf: leafHash(record), index: position, size: size, proof: hashes, root: root) }
        }
        // The latest checkpoint covers the whole log, and proofs default to it.
        #expect(try proofs.inclusionProof(position: 99_999).treeSize == 100_000)
        #expect(throws: TransparencyLogError.self) { try proofs.inclusionProof(position: 100_000, size: 100_000) }
        #expect(throws: TransparencyLogError.self) { try proofs.inclusionProof(position: 0, size: 100_001) }
    }

    private func everyBitFlipIsRefused(leaf: Hash, index: UInt64, size: UInt64, proof: [Hash], root: Hash) throws {
        func flipped(_ hash: Hash, bit: Int) throws -> Hash {
            var bytes = hash.bytes
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            return try Hash(bytes: bytes)
        }
        for bit in 0..<256 {
            #expect(throws: ProofError.self) { try verifyInclusion(leafHash: flipped(leaf, bit: bit), index: index, treeSize: size, proof: proof, root: root) }
            #expect(throws: ProofError.self) { try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: proof, root: flipped(root, bit: bit)) }
            for i in proof.indices {
                var changed = proof
                changed[i] = try flipped(proof[i], bit: bit)
                #expect(throws: ProofError.self) { try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: changed, root: root) }
            }
        }
    }
}

/// RFC 9162 §2.1.1, recursively, straight from the definition.
func referenceRoot(_ leaves: [Hash]) -> Hash {
    if leaves.isEmpty { return emptyTreeHash }
    if leaves.count == 1 { return leaves[0] }
    var k = 1
    while k * 2 < leaves.count { k *= 2 }
    return nodeHash(referenceRoot(Array(leaves[..<k])), referenceRoot(Array(leaves[k...])))
}
