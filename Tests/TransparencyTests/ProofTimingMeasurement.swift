import Foundation
import Testing
import Transparency

/// A measurement, not an assertion: run by hand with
/// `TRANSPARENCY_MEASURE=1 swift test -c release --filter ProofTimingMeasurement`.
@Suite("Proof timing (by hand)")
struct ProofTimingMeasurement {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRANSPARENCY_MEASURE"] != nil))
    func inclusionProofsForAMillionLeafTree() throws {
        let size: UInt64 = 1_000_000
        var store = InMemoryHashStore()
        var range = CompactRange()
        for index in 0..<size { try store.store(range.append(leafHash(withUnsafeBytes(of: index.bigEndian) { Array($0) }))) }
        let tree = StoredTree(size: size, store: store)
        let root = try tree.root()

        var random = SeededRandom(state: 1)
        var nanoseconds: [UInt64] = []
        for _ in 0..<20_000 {
            let index = UInt64.random(in: 0..<size, using: &random)
            let start = DispatchTime.now().uptimeNanoseconds
            let proof = try tree.inclusionProof(index: index)
            nanoseconds.append(DispatchTime.now().uptimeNanoseconds - start)
            let leaf = try store.hash(level: 0, index: index)
            try verifyInclusion(leafHash: leaf, index: index, treeSize: size, proof: proof, root: root)
        }
        nanoseconds.sort()
        let p50 = Double(nanoseconds[nanoseconds.count / 2]) / 1000
        let p99 = Double(nanoseconds[nanoseconds.count * 99 / 100]) / 1000
        print("inclusion proof, 1,000,000 leaves, in-memory store: p50 \(p50) µs, p99 \(p99) µs over \(nanoseconds.count) proofs")
    }
}
