import ArgumentParser
import EventLog
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Transparency

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an audit bundle: events, raw records, a signed checkpoint, an inclusion proof per event, the key, a README.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The new folder to write.") var out: String
    @Option(help: "Every event of this stream.") var stream: String?
    @Option(help: "The first position (with --to).") var from: UInt64?
    @Option(help: "The last position, included.") var to: UInt64?

    func validate() throws {
        guard (stream != nil) != (from != nil || to != nil) else { throw ValidationError("Give --stream S, or --from A --to B.") }
        if stream == nil && (from == nil || to == nil) { throw ValidationError("--from and --to go together.") }
    }

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "export")
            let verifier = try LogSigningKey.load(from: global.signingKeyPath).verifier
            let selection: AuditBundleExport.Selection = try stream.map { .stream(try StreamName($0)) } ?? .positions(from: from!, to: to!)
            let count = try await AuditBundleExport(store: store, verifier: verifier).write(selection, to: out)
            print("Wrote an audit bundle of \(count) events to \(out).")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Check an audit bundle offline.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every event of a bundle against its records, proofs and signed checkpoint.")

        @Argument(help: "The bundle's folder.") var directory: String
        @Option(help: "The log's verifier key you trust (default: the bundle's own, which proves only self-consistency).") var key: String?
        @Option(help: "A signed checkpoint you kept earlier: also prove the log only grew since.") var against: String?
        @Option(help: "The ledger service to fetch the consistency proof from (with --against).") var server: String?
        @Option(help: "A bearer token for --server (default: $CIVIC_LEDGER_TOKEN).") var token: String?
        @Flag(help: "Print errors as JSON.") var json = false

        func validate() throws {
            if against != nil && server == nil { throw ValidationError("--against needs --server to fetch the consistency proof.") }
        }

        func run() async throws {
            try await failing(json: json) {
                let verification = try AuditBundleVerification(directory: directory, verifier: try key.map { try NoteVerifier($0) })
                let report = try verification.run()
                if let against, let server {
                    let older = try String(contentsOfFile: against, encoding: .utf8)
                    let olderSize = try verification.earlierCheckpoint(older).checkpoint.size
                    // Only a proof between two non-empty trees in order exists to fetch; the check names the rest.
                    let needsProof = olderSize > 0 && olderSize <= report.treeSize
                    let proof = needsProof ? try await fetchConsistency(server: server, from: olderSize, to: report.treeSize).hashes : []
                    try verification.checkConsistency(olderNote: older, proof: proof)
                }
                printJSON(report)
                if key == nil {
                    FileHandle.standardError.write(Data("civic-ledger: checked with the bundle's own verifier.key; pass --key with the key the bureau published to trust the result.\n".utf8))
                }
            }
        }

        private func fetchConsistency(server: String, from: UInt64, to: UInt64) async throws -> ConsistencyProof {
            guard let url = URL(string: server.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/v1/log/proof/consistency?from=\(from)&to=\(to)") else {
                throw ValidationError("--server is not a URL: \(server)")
            }
            var request = URLRequest(url: url)
            if let token = token ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_TOKEN"] {
                request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw AuditError.failed("the server answered \((response as? HTTPURLResponse)?.statusCode ?? 0) for \(url): \(String(decoding: data.prefix(300), as: UTF8.self))")
            }
            return try JSONDecoder().decode(ConsistencyProof.self, from: data)
        }
    }
}
