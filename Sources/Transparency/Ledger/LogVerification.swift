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
///
/// The records are read straight off the events table (key = position, value = the record,
/// Schemas/record-format.md) and hashed in place: decoding each into an event would cost more
/// than the hashing. Each checkpoint's Ed25519 signature — one per committed batch, the larger
/// part of the work — is checked on other threads while the scan goes on; the report still
/// names the first bad position, whichever check found it.
public struct LogVerification {
    let store: LMDBEventStore
    let proofs: LogProofs
    let verifier: NoteVerifier

    /// Records read per read transaction: short snapshots, never holding old pages for long.
    static let chunk: UInt64 = 8192
    /// Checkpoints per signature-checking task, so both cores share the checks left at the end.
    static let checkpointsPerTask = 64

    public init(store: LMDBEventStore, verifier: NoteVerifier) throws {
        self.store = store
        self.proofs = try LogProofs(environment: store.environment)
        self.verifier = verifier
    }

    public func run(progress: ((UInt64, UInt64) -> Void)? = nil) async throws -> VerificationReport {
        var report = VerificationReport()
        let logSize = try await store.size()
        let treeSize = try proofs.treeSize()
        let checkpoints = try proofs.checkpoints()
        let events = try store.environment.openDatabases(["events"])["events"]!
        let verifier = self.verifier
        var pending = checkpoints[...]
        var range = CompactRange()
        var position: UInt64 = 0
        var found: VerificationProblem?

        return try await withThrowingTaskGroup(of: CheckpointVerdict.self) { checks in
            func check(_ due: [DueCheckpoint]) {
                for start in stride(from: 0, to: due.count, by: Self.checkpointsPerTask) {
                    let part = Array(due[start..<min(start + Self.checkpointsPerTask, due.count)])
                    checks.addTask { CheckpointVerdict(part, verifier: verifier) }
                }
            }
            // The empty tree's checkpoint, signed when the ledger was created, comes first.
            if let first = pending.first, first.size == 0 {
                check([DueCheckpoint(text: first.text, size: 0, root: emptyTreeHash)])
                pending = pending.dropFirst()
            }
            while position < treeSize && found == nil {
                let end = min(treeSize, position + Self.chunk)
                var due: [DueCheckpoint] = []
                found = try proofs.environment.read { txn -> VerificationProblem? in
                    let hashes = LMDBHashStore(txn: txn, db: proofs.dbs.hashes)
                    // Every stored hash the chunk's leaves complete, in the order they complete them:
                    // one cursor pass over a contiguous range of the store.
                    let firstStored = StoredHashIndex.count(leaves: position)
                    let stored = try hashes.completed(from: firstStored, count: Int(StoredHashIndex.count(leaves: end) - firstStored))
                    var next = 0
                    let cursor = try txn.cursor(events)
                    var entry = try cursor.seek(atLeast: withUnsafeBytes(of: position.bigEndian) { Array($0) })
                    while position < end {
                        guard let current = entry else {
                            return VerificationProblem(position, "the log ends at position \(position) but the Merkle tree holds \(treeSize) leaves")
                        }
                        let key = current.key, record = current.value
                        let storedAt = key.count == 8 ? key.bigEndian(at: 0) : .max
                        guard storedAt == position else {
                            return VerificationProblem(position, "position \(position) is missing: the next record is stored under position \(storedAt)")
                        }
                        let says = record.count >= 9 ? record.bigEndian(at: 1) : .max
                        guard says == position else {
                            return VerificationProblem(position, "position \(position) holds a record that says it is at position \(says)")
                        }
                        for computed in range.append(leafHash(record)) {
                            let expected = stored[next]
                            next += 1
                            report.hashesCompared += 1
                            guard expected == computed.hash else {
                                let what = computed.level == 0 ? "its record does not hash to the stored leaf"
                                    : "the stored tree hash at level \(computed.level), index \(computed.index) differs from the recomputed one"
                                return VerificationProblem(position, "position \(position): \(what)")
                            }
                        }
                        position += 1
                        while let next = pending.first, next.size == range.size {
                            due.append(DueCheckpoint(text: next.text, size: next.size, root: range.root))
                            pending = pending.dropFirst()
                        }
                        entry = try cursor.next()
                    }
                    return nil
                }
                check(due)
                report.events = position
                progress?(position, treeSize)
            }
            if found == nil, logSize != treeSize {
                found = VerificationProblem(min(logSize, treeSize), "the log holds \(logSize) events but the Merkle tree \(treeSize) leaves")
            }
            if found == nil, let next = pending.first {
                found = VerificationProblem(nil, "a checkpoint for size \(next.size) is stored, but the log holds \(logSize) events")
            }
            // Every signature check that was started ends here; the earliest problem wins.
            for try await verdict in checks {
                report.checkpointsVerified += verdict.verified
                if let problem = verdict.problem, problem.isBefore(found) { found = problem }
            }
            if let found {
                report.firstBadPosition = found.position
                report.firstProblem = found.text
            }
            return report
        }
    }
}

/// A difference `verify` found, at a position when it has one.
struct VerificationProblem: Sendable {
    let position: UInt64?
    let text: String

    init(_ position: UInt64?, _ text: String) {
        self.position = position
        self.text = text
    }

    /// Whether this problem comes before `other` in the log (a position before none).
    func isBefore(_ other: VerificationProblem?) -> Bool {
        guard let other else { return true }
        guard let position else { return false }
        return other.position.map { position < $0 } ?? true
    }
}

/// A stored checkpoint and the root the records give at its size.
struct DueCheckpoint: Sendable {
    let text: String
    let size: UInt64
    let root: Hash
}

/// The outcome of checking some checkpoints: how many verified, and the first that did not.
struct CheckpointVerdict: Sendable {
    var verified = 0
    var problem: VerificationProblem?

    init(_ due: [DueCheckpoint], verifier: NoteVerifier) {
        for checkpoint in due {
            if let text = Self.check(checkpoint, verifier: verifier) {
                problem = VerificationProblem(checkpoint.size == 0 ? nil : checkpoint.size - 1, text)
                return
            }
            verified += 1
        }
    }

    /// Checks one stored checkpoint: its signature by the log's key, origin, size and root.
    static func check(_ due: DueCheckpoint, verifier: NoteVerifier) -> String? {
        let size = due.size
        let signed: SignedCheckpoint
        do { signed = try SignedCheckpoint(opening: due.text, verifiers: [verifier]) } catch {
            return "the checkpoint stored for size \(size) does not verify with key \(verifier.verifierKey): \(error)"
        }
        if signed.checkpoint.origin != verifier.name {
            return "the checkpoint stored for size \(size) names origin \(signed.checkpoint.origin), not \(verifier.name)"
        }
        if signed.checkpoint.size != size {
            return "the checkpoint stored under size \(size) says size \(signed.checkpoint.size)"
        }
        if signed.checkpoint.root != due.root {
            return "the checkpoint for size \(size) has root \(signed.checkpoint.root.base64) but the records give \(due.root.base64)"
        }
        return nil
    }
}
