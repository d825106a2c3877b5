import ArgumentParser
import CivilAffairs
import EventLog
import Foundation
import Transparency

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty ledger in the data directory, with the log's signing key and the persons' pseudonym key.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The log's origin: the name its checkpoints and signing key carry.")
    var origin: String = "civic-ledger.example/log"

    func run() async throws {
        try await failing(json: global.json) {
            let configuration = LedgerConfiguration(directory: global.directory, access: .write(holder: "civic-ledger init"))
            if FileManager.default.fileExists(atPath: configuration.logPath + "/data.mdb") {
                throw EventLogError.storage("\(global.directory) already holds a ledger")
            }
            try FileManager.default.createDirectory(atPath: global.directory, withIntermediateDirectories: true)
            let keyPath = global.signingKeyPath
            let signer = FileManager.default.fileExists(atPath: keyPath)
                ? try LogSigningKey.load(from: keyPath)
                : try LogSigningKey.create(at: keyPath, origin: origin)
            // Persons are keyed by a keyed hash of their ID number; the key lives beside the signing key.
            let pseudonymPath = PseudonymKey.path(in: global.directory)
            if !FileManager.default.fileExists(atPath: pseudonymPath) { try PseudonymKey.create(at: pseudonymPath) }
            let store = try LMDBEventStore.initialize(configuration, observers: [try MerkleLog(signer: signer)])
            store.close()
            print("Initialised an empty ledger in \(global.directory).")
            print("Log origin: \(signer.name); verifier key: \(signer.verifier.verifierKey)")
        }
    }
}
