import ArgumentParser
import EventLog
import Foundation
import Transparency

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $CIVIC_LEDGER_DATA or ./ledger-data).")
    var data: String?

    @Flag(name: .long, help: "Print errors as JSON on stderr.")
    var json = false

    @Option(name: .customLong("signing-key"), help: "The log's signing key file (default: <data>/log-signing.key, or $CIVIC_LEDGER_SIGNING_KEY).")
    var signingKey: String?

    var directory: String {
        data ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_DATA"] ?? "./ledger-data"
    }

    var signingKeyPath: String {
        signingKey ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_SIGNING_KEY"] ?? LogSigningKey.path(in: directory)
    }

    /// Opens the ledger for writing (taking the writer lock) or reading beside a writer.
    func open(writing: Bool, durability: LedgerConfiguration.Durability = .durable, command: String) throws -> LMDBEventStore {
        var configuration = LedgerConfiguration(directory: directory, access: writing ? .write(holder: "civic-ledger \(command)") : .readOnly)
        configuration.durability = durability
        do {
            // Every writer keeps the Merkle tree and signs checkpoints in the same transactions.
            let observers: [any BatchObserver] = writing ? [try MerkleLog(signer: LogSigningKey.load(from: signingKeyPath))] : []
            return try LMDBEventStore(configuration, observers: observers)
        } catch {
            throw CommandFailure(error, json: json)
        }
    }
}

extension LedgerConfiguration.Durability: ExpressibleByArgument {}
