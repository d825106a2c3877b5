import EventLog
import Foundation
import LMDB
import Testing
import Transparency

/// A ledger written before the hashes were kept in completion order (`merkle-hashes`, keyed by
/// level and index) is moved to `merkle-tree` by its first writing open, and reads the same.
@Suite("Verifiable log: the earlier tree layout is moved")
struct TreeLayoutMoveTests {
    /// Rewrites a closed ledger's tree in the earlier layout, as an older build left it.
    private func rewriteInEarlierLayout(_ directory: String, leaves: UInt64) throws {
        let environment = try Environment(path: directory + "/log")
        let dbs = try environment.openDatabases(["merkle-tree", "merkle-hashes", "events"])
        try environment.write { txn in
            var range = CompactRange()
            let events = try txn.cursor(dbs["events"]!)
            var entry = try events.first()
            while let e = entry {
                for stored in range.append(leafHash(Array(e.value))) {
                    var key = [UInt8(stored.level)]
                    withUnsafeBytes(of: stored.index.bigEndian) { key.append(contentsOf: $0) }
                    try txn.put(stored.hash.bytes, for: key, in: dbs["merkle-hashes"]!)
                }
                entry = try events.next()
            }
            #expect(range.size == leaves)
            try txn.drop(dbs["merkle-tree"]!)
        }
    }

    @Test func movedOnTheFirstWritingOpenThenVerifiedAndProvenAsBefore() async throws {
        let ledger = try LedgerFixture()
        try await ledger.fill(300, perRequest: 7)
        let rootBefore = try ledger.proofs.root(size: 300)
        let proofBefore = try ledger.proofs.inclusionProof(position: 123, size: 300)
        let copy = try ledger.closedCopy()
        try rewriteInEarlierLayout(copy, leaves: 300)

        // Read-only, nothing is moved: refused, saying what to do. (Closed before the writer opens:
        // LMDB allows one environment per file per process.)
        do {
            let reader = try LMDBEventStore(LedgerConfiguration(directory: copy, access: .readOnly))
            let refusal = #expect(throws: (any Error).self) { try LogProofs(environment: reader.environment) }
            #expect("\(refusal.map { "\($0)" } ?? "")".contains("open it once for writing"))
        }

        // The first writing open moves it; then everything reads as before, and appends go on.
        let writer = try LMDBEventStore(LedgerConfiguration(directory: copy), observers: [try MerkleLog(signer: ledger.signer)])
        let proofs = try LogProofs(environment: writer.environment)
        #expect(try proofs.treeSize() == 300)
        #expect(try proofs.root(size: 300) == rootBefore)
        #expect(try proofs.inclusionProof(position: 123, size: 300) == proofBefore)
        #expect(try !writer.environment.databaseExists("merkle-hashes"))
        _ = try await writer.append([ProposedEvent(type: "test.Filled", payload: #"{"n":300}"#)], to: try StreamName("fill-0"))
        #expect(try proofs.treeSize() == 301)
        let report = try await LogVerification(store: writer, verifier: ledger.signer.verifier).run()
        #expect(report.isIntact, "\(report)")
        #expect(report.events == 301)
        writer.close()
    }
}
