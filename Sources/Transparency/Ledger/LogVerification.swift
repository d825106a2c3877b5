import EventLog
import Foundation
import LMDB

/// What `civic-ledger verify` found.
public struct VerificationReport: Sendable, Codable, Equatable {
    public var events: UInt64 = 0
    public var hashesCompared: UInt64 = 0
    public var checkpointsVerified = 0
    /// The first difference found, naming the position; nil when everything matched.
    public var firstProblem: String?
    public var firstBadPosition: UInt64?
    public var isIntact: Bool { firstProblem == nil }
}

/// Re-reads every record, recomputes every leaf and tree hash, and compares them with the
/// stored tree and with every stored checkpoint and its signature.
public struct LogVerification {
    let store: LMDBEventStore
    let proofs: LogProofs
    let verifier: NoteVerifier

    public init(store: LMDBEventStore, verifier: NoteVerifier) throws {
        self.store = store
        self.proofs = try LogProofs(environment: store.environment)
        self.verifier = verifier
    }

    public func run(progress: ((UInt64, UInt64) -> Void)? = nil) async throws -> VerificationReport {
        var report = VerificationReport()
        func fail(_ position: UInt64?, _ text: String) -> VerificationReport {
            report.firstBadPosition = position
            report.firstProblem = text
            return report
        }
        let logSize = try await store.size()
        let treeSize = try proofs.treeSize()
        let checkpoints = try proofs.checkpoints()
        // Walk the records the tree covers; a missing or moved record shows at its position.
        var pending = checkpoints[...]
        var range = CompactRange()
        var position: UInt64 = 0
        while position < treeSize {
            let page = try await store.readAll(from: position, direction: .forwards, limit: 8192, filter: .all)
            // One snapshot of the tree per page: the leaves as a range, the rest looked up.
            let problem: (UInt64, String)? = try proofs.environment.read { txn in
                let hashes = LMDBHashStore(txn: txn, db: proofs.dbs.hashes)
                let first = position
                let leaves = try hashes.hashes(level: 0, indices: first..<min(treeSize, first + UInt64(page.events.count)))
                for event in page.events {
                    if position == treeSize { break }
                    guard event.position == position else {
                        return (position, "position \(position) holds a record that says it is at position \(event.position), or is missing")
                    }
                    for computed in range.append(leafHash(event.record)) {
                        let expected = computed.level == 0 ? leaves[Int(computed.index - first)] : try hashes.hash(level: computed.level, index: computed.index)
                        report.hashesCompared += 1
                        guard expected == computed.hash else {
                            let what = computed.level == 0 ? "its record does not hash to the stored leaf"
                                : "the stored tree hash at level \(computed.level), index \(computed.index) differs from the recomputed one"
                            return (position, "position \(position): \(what)")
                        }
                    }
                    position += 1
                    while let next = pending.first, next.size == range.size {
                        if let problem = check(next.text, size: next.size, root: range.root) { return (position - 1, problem) }
                        report.checkpointsVerified += 1
                        pending = pending.dropFirst()
                    }
                }
                return nil
            }
            if let (bad, text) = problem { return fail(bad, text) }
            report.events = position
            progress?(position, treeSize)
            if page.reachedEnd && position < treeSize {
                return fail(position, "the log ends at position \(position) but the Merkle tree holds \(treeSize) leaves")
            }
        }
        if logSize != treeSize {
            return fail(min(logSize, treeSize), "the log holds \(logSize) events but the Merkle tree \(treeSize) leaves")
        }
        if let next = pending.first {
            if next.size == 0, check(next.text, size: 0, root: emptyTreeHash) == nil {
                report.checkpointsVerified += 1
            } else {
                return fail(nil, "a checkpoint for size \(next.size) is stored, but the log holds \(logSize) events")
            }
        }
        return report
    }

    /// Checks one stored checkpoint: its signature by the log's key, origin, size and root.
    private func check(_ text: String, size: UInt64, root: Hash) -> String? {
        let signed: SignedCheckpoint
        do { signed = try SignedCheckpoint(opening: text, verifiers: [verifier]) } catch {
            return "the checkpoint stored for size \(size) does not verify with key \(verifier.verifierKey): \(error)"
        }
        if signed.checkpoint.origin != verifier.name {
            return "the checkpoint stored for size \(size) names origin \(signed.checkpoint.origin), not \(verifier.name)"
        }
        if signed.checkpoint.size != size {
            return "the checkpoint stored under size \(size) says size \(signed.checkpoint.size)"
        }
        if signed.checkpoint.root != root {
            return "the checkpoint for size \(size) has root \(signed.checkpoint.root.base64) but the records give \(root.base64)"
        }
        return nil
    }
}
