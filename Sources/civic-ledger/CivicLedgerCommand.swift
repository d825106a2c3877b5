import ArgumentParser
import EventLog
import Foundation

@main
struct CivicLedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civic-ledger",
        abstract: "An append-only, verifiable event ledger for a Civil Affairs Bureau.",
        discussion: """
        The data directory comes from --data, else CIVIC_LEDGER_DATA, else ./ledger-data.
        One process writes a data directory at a time (the server, or init/append/import);
        read, tail, stats, check and backup work beside it.

        Exit codes: 0 ok, 1 usage, 2 wrong expected version, 3 invalid input, 4 storage error.
        """,
        subcommands: [
            InitCommand.self, AppendCommand.self, ImportCommand.self, ReadCommand.self,
            TailCommand.self, StatsCommand.self, CheckCommand.self, BackupCommand.self,
            LogCommand.self, VerifyCommand.self, ExportCommand.self, AuditCommand.self,
            ServeCommand.self, KeysCommand.self, SchemasCommand.self, ProjectionsCommand.self, QueryCommand.self,
        ]
    )

    /// Parses and runs, mapping every failure to the documented exit codes.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(1)
        }
    }
}
