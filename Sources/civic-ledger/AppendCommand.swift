import ArgumentParser
import CivilAffairs
import Catalog
import EventLog
import Foundation

struct AppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append NDJSON events ({\"id\"?, \"type\", \"data\", \"metadata\"?} per line) to one stream, atomically.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

    @Option(help: "The stream, <category>-<id>.")
    var stream: String

    @Option(name: .customLong("expected-version"), help: "any, no-stream, exists, or the stream's current version.")
    var expectedVersion: String = "any"

    @Option(help: "Read events from this file instead of standard input.")
    var file: String?

    @Option(help: "durable (fsync before answering) or relaxed (bulk; a crash may lose the last commit).")
    var durability: LedgerConfiguration.Durability = .durable

    func run() async throws {
        guard let expected = ExpectedVersion(expectedVersion) else {
            throw ValidationError("--expected-version must be any, no-stream, exists or a number, not \(expectedVersion)")
        }
        try await failing(json: global.json) {
            let name = try StreamName(stream)
            let catalog = try catalogOptions.load(json: global.json)
            var reader = try LineReader(path: file)
            var events: [ProposedEvent] = []
            while let line = reader.next() {
                var proposed = try EventEnvelope(json: line, pointer: "line \(reader.lineNumber)").event
                proposed.metadata = try EventMetadata.stamping(proposed.metadata, actor: CommandLineActor.name, event: events.count)
                events.append(proposed)
            }
            let store = try global.open(writing: true, durability: durability, command: "append")
            defer { store.close() }
            // The catalog first (payloads well-formed), then the bureau's rules (which read the streams).
            let ruled = RuleEnforcedStore(store, rules: try bureauOptions.rules(directory: global.directory, json: global.json))
            let result: AppendResult
            do {
                result = try await CatalogEnforcedStore(ruled, catalog: catalog).append(events, to: name, expecting: expected)
            } catch let refusal as RuleRefusal {
                throw CommandFailure(refusal: refusal, json: global.json)
            }
            let output = Output()
            output.line(result.json())
        }
    }
}
