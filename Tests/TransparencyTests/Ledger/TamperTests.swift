import EventLog
import Foundation
import LMDB
import Testing
import Transparency

/// Someone with file access changes the data behind the API's back: `verify` names it.
@Suite("Verifiable log: tampering is caught")
struct TamperTests {
    /// A ledger of 200 events in batches, copied; `tamper` edits the copy's raw LMDB.
    private func verifyTampered(_ tamper: (WriteTransaction, [String: Database]) throws -> Void) async throws -> VerificationReport {
        let ledger = try LedgerFixture()
        try await ledger.fill(200, perRequest: 10)
        let intact = try await LogVerification(store: ledger.store, verifier: ledger.signer.verifier).run()
        #expect(intact.isIntact, "\(intact)")
        #expect(intact.events == 200 && intact.checkpointsVerified == 20)
        let copy = try ledger.closedCopy()
        do {
            let environment = try Environment(path: copy + "/log")
            let dbs = try environment.openDatabases(["events", "checkpoints"])
            try environment.write { txn in try tamper(txn, dbs) }
        }
        let store = try LMDBEventStore(LedgerConfiguration(directory: copy, access: .readOnly))
        return try await LogVerification(store: store, verifier: ledger.signer.verifier).run()
    }

    private func key(_ position: UInt64) -> [UInt8] { withUnsafeBytes(of: position.bigEndian) { Array($0) } }

    @Test func aChangedByteInARecord() async throws {
        let report = try await verifyTampered { txn, dbs in
            var record = Array(try #require(try txn.get(key(57), in: dbs["events"]!)))
            record[record.count - 3] ^= 0x01
            try txn.put(record, for: key(57), in: dbs["events"]!)
        }
        #expect(report.firstBadPosition == 57, "\(report)")
        #expect(report.firstProblem?.contains("does not hash to the stored leaf") == true)
    }

    @Test func aDeletedEvent() async throws {
        let report = try await verifyTampered { txn, dbs in
            try txn.delete(key(120), in: dbs["events"]!)
        }
        #expect(!report.isIntact)
        #expect(report.firstProblem?.contains("199") == true || report.firstBadPosition == 120, "\(report)")
    }

    @Test func twoSwappedEvents() async throws {
        let report = try await verifyTampered { txn, dbs in
            let a = Array(try #require(try txn.get(key(10), in: dbs["events"]!)))
            let b = Array(try #require(try txn.get(key(11), in: dbs["events"]!)))
            try txn.put(b, for: key(10), in: dbs["events"]!)
            try txn.put(a, for: key(11), in: dbs["events"]!)
        }
        #expect(report.firstBadPosition == 10, "\(report)")
    }

    @Test func aReplacedCheckpoint() async throws {
        let report = try await verifyTampered { txn, dbs in
            // A forger without the key signs a checkpoint of their own for size 100.
            let forger = try NoteSigner.generate(name: "test.civic-ledger.example/log")
            let forged = try CheckpointSigner(origin: forger.name, signer: forger)
                .sign(Checkpoint(origin: forger.name, size: 100, root: leafHash([1, 2, 3])))
            try txn.put(Array(forged.signedText.utf8), for: key(100), in: dbs["checkpoints"]!)
        }
        #expect(report.firstBadPosition == 99, "\(report)")
        #expect(report.firstProblem?.contains("does not verify") == true, "\(report)")
    }
}
