import ArgumentParser
import EventLog
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Print events, streams, bytes, head and file size as JSON.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "stats")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(try store.statistics()), as: UTF8.self))
        }
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check structural integrity: gap-free positions, every index entry pointing at its record and back.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "check")
            var progress = Progress(label: "check", total: try await store.size())
            let report = try store.check { done, _ in progress.update(done) }
            progress.finish()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            if !report.isSound {
                throw CommandFailure(message: "The ledger failed its check: \(report.problems[0])", code: "check-failed",
                                     exitCode: CommandFailure.storage, json: global.json)
            }
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger, hot and consistent, compacted, into a new data directory.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The new data directory to create.")
    var to: String

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "backup")
            try store.backup(to: to)
            let copy = try LMDBEventStore(LedgerConfiguration(directory: to, access: .readOnly))
            print("Backed up \(try await copy.size()) events from \(global.directory) to \(to).")
        }
    }
}
