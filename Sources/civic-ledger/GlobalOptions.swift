import ArgumentParser
import EventLog
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory (default: $CIVIC_LEDGER_DATA or ./ledger-data).")
    var data: String?

    @Flag(name: .long, help: "Print errors as JSON on stderr.")
    var json = false

    var directory: String {
        data ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_DATA"] ?? "./ledger-data"
    }

    /// Opens the ledger for writing (taking the writer lock) or reading beside a writer.
    func open(writing: Bool, durability: LedgerConfiguration.Durability = .durable, command: String) throws -> LMDBEventStore {
        var configuration = LedgerConfiguration(directory: directory, access: writing ? .write(holder: "civic-ledger \(command)") : .readOnly)
        configuration.durability = durability
        do {
            return try LMDBEventStore(configuration)
        } catch {
            throw CommandFailure(error, json: json)
        }
    }
}

extension LedgerConfiguration.Durability: ExpressibleByArgument {}
