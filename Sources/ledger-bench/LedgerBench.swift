import ArgumentParser
import EventLog
import Foundation

/// Measurements and load for tools/bench and the crash tests; not part of the product.
@main
struct LedgerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger-bench",
        abstract: "Load generators and measurements for CivicLedger (run by tools/bench and the crash tests).",
        subcommands: [AppendBench.self, ReplayBench.self, CrashLoad.self, ProofBench.self, VerifyBench.self,
                      ProjectionRebuildBench.self, ProjectionLagBench.self, ValidateBench.self])
}

/// One line on stdout: `<operations> <seconds>`, for tools/bench to turn into rates.
func report(_ operations: Int, since start: ContinuousClock.Instant) {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("\(operations) \(String(format: "%.6f", seconds))")
}

/// A 512-byte JSON payload (the record adds its header, names and metadata).
func payload(bytes: Int, seed: Int) -> [UInt8] {
    let head = #"{"seq":\#(seed),"fill":""#
    let fill = String(repeating: "x", count: max(0, bytes - head.utf8.count - 2))
    return Array((head + fill + "\"}").utf8)
}
