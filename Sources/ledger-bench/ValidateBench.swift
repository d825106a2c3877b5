import ArgumentParser
import Catalog
import EventLog
import Foundation

/// The catalog's cost per event, as the append path pays it: every valid example payload of
/// Schemas/examples admitted against its type's schema, over and over, on one core.
struct ValidateBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Catalog validation per event: admits every valid-*.json example N times; prints `<events> <seconds>`.",
        discussion: "CIVIC_LEDGER_PATTERN_FAST_PATH=off measures the same with every pattern matched by ICU.")

    @Option(help: "The Schemas folder (default: found beside the executable or in the working directory).")
    var schemas: String?

    @Option(help: "How many times to admit each example.")
    var rounds = 200

    func run() async throws {
        let catalog = try EventCatalog.locateAndLoad(explicit: schemas)
        let events = try Self.validExamples(in: catalog)
        guard !events.isEmpty else { throw ValidationError("no valid-*.json examples found under \(catalog.directory?.path ?? "?")/examples") }
        // One untimed round, so that the schemas' first use does not count.
        for (index, event) in events.enumerated() { _ = try catalog.admit(event, index: index).get() }
        let start = ContinuousClock.now
        for _ in 0..<rounds {
            for (index, event) in events.enumerated() {
                guard case .success = catalog.admit(event, index: index) else { throw ValidationError("example \(index) was refused") }
            }
        }
        report(events.count * rounds, since: start)
    }

    /// `Schemas/examples/<domain>/<Type>.v<N>/valid-*.json`, each as an event naming its version.
    static func validExamples(in catalog: EventCatalog) throws -> [ProposedEvent] {
        guard let examples = catalog.directory?.appendingPathComponent("examples") else { return [] }
        let paths = (FileManager.default.subpaths(atPath: examples.path) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return try paths.compactMap { path -> ProposedEvent? in
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[2].hasPrefix("valid-"), let dot = parts[1].range(of: ".v", options: .backwards) else { return nil }
            let payload = try Data(contentsOf: examples.appendingPathComponent(path))
            return ProposedEvent(type: "\(parts[0]).\(parts[1][..<dot.lowerBound])", payload: [UInt8](payload),
                                 metadata: Array(#"{"schemaVersion":\#(parts[1][dot.upperBound...])}"#.utf8))
        }
    }
}
