import ArgumentParser
import EventLog
import Foundation
import Transparency

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every leaf and tree hash from the records; check them and every signed checkpoint.",
        discussion: "Exits 0 when everything matches, 4 naming the first bad position otherwise. Works beside a running server.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The verifier key to check checkpoints with (default: derived from the data directory's signing key).")
    var key: String?

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "verify")
            let verifier = try key.map { try NoteVerifier($0) } ?? LogSigningKey.load(from: global.signingKeyPath).verifier
            var progress = Progress(label: "verify", total: try await store.size())
            let report = try await LogVerification(store: store, verifier: verifier).run { done, _ in progress.update(done) }
            progress.finish()
            printJSON(report)
            if let problem = report.firstProblem {
                throw CommandFailure(message: "Verification failed: \(problem).", code: "verification-failed",
                                     exitCode: CommandFailure.storage, json: global.json)
            }
        }
    }
}
