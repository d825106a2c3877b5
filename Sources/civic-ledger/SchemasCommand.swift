import ArgumentParser
import Catalog
import Foundation
import JSON

/// `civic-ledger schemas`: the event catalog, for people writing integrations.
struct SchemasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas",
        abstract: "List, show and try the event catalog's JSON Schemas.",
        discussion: """
        Every appended event must match the schema of its type and version: the metadata's
        schemaVersion when it names one, else the latest (which is then recorded in the metadata).
        """,
        subcommands: [List.self, Show.self, Validate.self])

    /// Options every schemas subcommand takes.
    struct Options: ParsableArguments {
        @OptionGroup var catalog: CatalogOptions

        @Flag(name: .long, help: "Print JSON (and errors as JSON on stderr).")
        var json = false
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per event type: type, versions, Chinese name, what it records.")

        @OptionGroup var options: Options

        func run() async throws {
            try await failing(json: options.json) {
                let catalog = try options.catalog.load(json: options.json)
                let output = Output()
                for type in catalog.types {
                    let latest = catalog.latest(type)!
                    let versions = catalog.versions(of: type)
                    if options.json {
                        output.line(JSONValue.ordered([
                            ("type", .string(type)), ("versions", .array(versions.map { .number(JSONNumber($0)) })),
                            ("latest", .number(JSONNumber(latest.version))), ("zh", latest.chineseName.map(JSONValue.string) ?? .null),
                            ("description", latest.summary.map(JSONValue.string) ?? .null),
                        ]).serializedBytes())
                    } else {
                        let name = type.padding(toLength: max(type.count, 44), withPad: " ", startingAt: 0)
                        output.line("\(name) v\(versions.map(String.init).joined(separator: ",v"))\t\(latest.chineseName ?? "")")
                    }
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a type's JSON Schema as written (the latest version unless --version).")

        @OptionGroup var options: Options

        @Argument(help: "The event type, e.g. assistance.ReliefPaid.")
        var type: String

        @Option(help: "The schema version (default: the latest).")
        var version: Int?

        func run() async throws {
            try await failing(json: options.json) {
                let catalog = try options.catalog.load(json: options.json)
                let schema = try lookUp(type, version: version, in: catalog, json: options.json)
                FileHandle.standardOutput.write(Data(schema.text))
            }
        }
    }

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check one JSON payload (the event's data) against a type's schema: exit 0 valid, 3 invalid with every violation.")

        @OptionGroup var options: Options

        @Option(help: "The event type, e.g. assistance.ReliefPaid.")
        var type: String

        @Option(help: "The schema version (default: the latest).")
        var version: Int?

        @Argument(help: "The JSON file holding the payload (- for standard input).")
        var file: String

        func run() async throws {
            try await failing(json: options.json) {
                let catalog = try options.catalog.load(json: options.json)
                let schema = try lookUp(type, version: version, in: catalog, json: options.json)
                let payload = try read(file)
                var problem: EventRefusal.Reason?
                do throws(EventRefusal.Reason) {
                    let violations = try catalog.validate(type: type, version: schema.version, payload: payload)
                    if !violations.isEmpty { problem = .violations(violations) }
                } catch { problem = error }
                if let problem {
                    let refusal = CatalogRefusal(events: [EventRefusal(index: 0, type: type, version: schema.version, reason: problem)])
                    throw CommandFailure(refusal: refusal, json: options.json, message: "\(file) is not a valid \(type) version \(schema.version) payload.") { _ in (file, []) }
                }
                Output().line(options.json
                    ? JSONValue.ordered([("valid", true), ("type", .string(type)), ("version", .number(JSONNumber(schema.version)))]).serializedBytes()
                    : Array("\(file): valid \(type) version \(schema.version)".utf8))
            }
        }

        private func read(_ file: String) throws -> [UInt8] {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
            guard let data else {
                throw CommandFailure(message: "Cannot open \(file) for reading.", code: "invalid-input",
                                     exitCode: CommandFailure.invalidInput, json: options.json)
            }
            return [UInt8](data)
        }
    }
}

/// The schema of `type` at `version`, or a refusal (exit 3) naming what exists.
private func lookUp(_ type: String, version: Int?, in catalog: EventCatalog, json: Bool) throws -> EventSchema {
    do { return try catalog.schema(type, version: version) } catch {
        let refusal = EventRefusal(index: 0, type: type, version: version, reason: error)
        throw CommandFailure(message: refusal.message, code: refusal.reason.code, exitCode: CommandFailure.invalidInput, json: json)
    }
}
