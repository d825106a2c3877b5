import ArgumentParser
import EventLog

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty ledger in the data directory.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await failing(json: global.json) {
            let store = try LMDBEventStore.initialize(LedgerConfiguration(directory: global.directory, access: .write(holder: "civic-ledger init")))
            store.close()
            print("Initialised an empty ledger in \(global.directory).")
        }
    }
}
