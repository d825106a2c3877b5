import ArgumentParser
import Catalog
import EventLog
import Foundation
import JSON

/// Where the event catalog is read from.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("schemas"), help: ArgumentHelp(
        "The Schemas folder (default: $CIVIC_LEDGER_SCHEMAS, else Schemas/ found above the program or the current directory).",
        valueName: "dir"))
    var schemas: String?

    /// Loads the catalog, or fails (exit 4) naming the file and schema location at fault.
    func load(json: Bool) throws -> EventCatalog {
        do {
            return try EventCatalog.locateAndLoad(explicit: schemas)
        } catch {
            throw CommandFailure(message: error.description, code: "catalog-unavailable", exitCode: CommandFailure.storage, json: json)
        }
    }
}

extension CommandFailure {
    /// A catalog refusal: every refused event with every violation, exit 3. `label` names an
    /// event for the reader (the request index by default; a line number for files).
    init(refusal: CatalogRefusal, json: Bool, message: String? = nil, label: (EventRefusal) -> (text: String, json: [(String, JSONValue)]) = {
        ("Event \($0.index)", [])
    }) {
        let summary = message ?? refusal.message
        guard json else {
            let described = refusal.events.map { $0.described(as: label($0).text) }
            self.init(message: ([summary] + described).joined(separator: "\n"), code: CatalogRefusal.code,
                      exitCode: CommandFailure.invalidInput, json: false)
            return
        }
        // In JSON the message is the summary alone; the details are in "events".
        self.init(message: summary, code: CatalogRefusal.code, exitCode: CommandFailure.invalidInput, json: true)
        let events = JSONValue.array(refusal.events.map { refused in
            guard case .object(var object) = refused.json else { return refused.json }
            for (key, value) in label(refused).json { object[key] = value }
            return .object(object)
        })
        jsonMembers = Array(#""events":"#.utf8) + events.serializedBytes()
    }
}

extension ImportCommand {
    /// Checks an import batch against the catalog (on several cores); `eventLines` holds each
    /// event's line. Returns the requests to submit, or fails naming every bad line.
    func admit(_ requests: [[StreamAppend]], eventLines: [Int], catalog: EventCatalog) async throws -> [[StreamAppend]] {
        let events = requests.flatMap { $0.flatMap(\.events) }
        switch await catalog.admit(events) {
        case .success(let admitted):
            var rest = admitted[...]
            return requests.map { request in
                request.map { append in
                    var checked = append
                    checked.events = Array(rest.prefix(append.events.count))
                    rest = rest.dropFirst(append.events.count)
                    return checked
                }
            }
        case .failure(let refusal):
            let first = eventLines.first ?? 0
            let lines = refusal.events.count == 1 ? "1 line" : "\(refusal.events.count) lines"
            let message = "The event catalog refused \(lines) of the batch starting on line \(first); nothing of this batch was written. "
                + "The lines before line \(first) are in the log; fix the file and run the import again to resume (lines whose ids are in the log are skipped)."
            throw CommandFailure(refusal: refusal, json: global.json, message: message) { refused in
                ("Line \(eventLines[refused.index])", [("line", .number(JSONNumber(eventLines[refused.index])))])
            }
        }
    }
}
