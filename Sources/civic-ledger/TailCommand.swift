import ArgumentParser
import EventLog
import Foundation

struct TailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tail", abstract: "Follow the log, printing each event as NDJSON as it is appended.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Start at this position (default: after the current head, new events only).")
    var from: UInt64?

    @Option(help: "Only event types starting with this prefix.")
    var type: String?

    @Option(help: "Only streams of this category.")
    var category: String?

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "tail")
            let current = try await store.size()
            let start = from ?? current
            for try await event in store.subscribe(from: start, filter: EventFilter(category: category, typePrefix: type)) {
                FileHandle.standardOutput.write(Data(event.json() + [0x0A]))
            }
        }
    }
}
