import ArgumentParser
import Crypto
import EventLog
import Foundation
import Transparency

/// Inclusion proofs from a ledger built with `append --merkle`: p50 and p99 per proof.
struct ProofBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "proofs", abstract: "Inclusion proof latency, in process.")

    @Option var data: String
    @Option var count = 20_000

    func run() async throws {
        let store = try LMDBEventStore(LedgerConfiguration(directory: data, access: .readOnly))
        let proofs = try LogProofs(environment: store.environment)
        let size = try proofs.treeSize()
        var nanoseconds: [UInt64] = []
        for _ in 0..<count {
            let position = UInt64.random(in: 0..<size)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try proofs.inclusionProof(position: position, size: size)
            nanoseconds.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        nanoseconds.sort()
        print("\(size) \(nanoseconds[count / 2]) \(nanoseconds[count * 99 / 100])")
    }
}

/// `verify` against a plain cursor scan that SHA-256s every record, over the same ledger.
struct VerifyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "verify rate and the plain scan+SHA-256 rate.")

    @Option var data: String

    func run() async throws {
        let store = try LMDBEventStore(LedgerConfiguration(directory: data, access: .readOnly))
        let verifier = try LogSigningKey.load(from: LogSigningKey.path(in: data)).verifier
        var start = ContinuousClock.now
        let result = try await LogVerification(store: store, verifier: verifier).run()
        guard result.isIntact else { throw ValidationError("the bench ledger does not verify: \(result)") }
        report(Int(result.events), since: start)
        // The plain scan: one cursor, SHA-256 of 0x00 ‖ record, nothing else.
        start = ContinuousClock.now
        var hashed = 0
        try store.environment.read { txn in
            let dbs = try store.environment.openDatabases(["events"])
            let cursor = try txn.cursor(dbs["events"]!)
            var entry = try cursor.first()
            while let e = entry {
                var hasher = SHA256()
                hasher.update(data: [0])
                hasher.update(bufferPointer: e.value)
                _ = hasher.finalize()
                hashed += 1
                entry = try cursor.next()
            }
        }
        report(hashed, since: start)
    }
}
