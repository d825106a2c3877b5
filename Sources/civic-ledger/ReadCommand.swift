import ArgumentParser
import EventLog
import Foundation
import Transparency

struct ReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "read", abstract: "Print events as NDJSON: one stream, or the whole log.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Read this stream.")
    var stream: String?

    @Flag(help: "Read the whole log.")
    var all = false

    @Option(help: "Start at this stream version (with --stream) or log position (with --all).")
    var from: UInt64?

    @Flag(help: "Read backwards (from the end unless --from is given).")
    var backwards = false

    @Option(help: "Print at most this many events.")
    var limit: Int?

    @Option(help: "Only event types starting with this prefix (with --all).")
    var type: String?

    @Option(help: "Only streams of this category (with --all).")
    var category: String?

    @Flag(help: "Add each event's record bytes and stored Merkle leaf hash (base64), for auditors.")
    var raw = false

    func validate() throws {
        guard (stream == nil) != !all else { throw ValidationError("Give exactly one of --stream S or --all.") }
        if stream != nil && (type != nil || category != nil) { throw ValidationError("--type and --category filter --all reads only.") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        try await failing(json: global.json) {
            let store = try global.open(writing: false, command: "read")
            let output = Output()
            let proofs = raw ? try LogProofs(environment: store.environment) : nil
            let direction: ReadDirection = backwards ? .backwards : .forwards
            var remaining = limit ?? .max
            var cursor = from
            let name = try stream.map { try StreamName($0) }
            while remaining > 0 {
                let page = if let name {
                    try await store.readStream(name, from: cursor, direction: direction, limit: min(remaining, 1000))
                } else {
                    try await store.readAll(from: cursor, direction: direction, limit: min(remaining, 1000),
                                            filter: EventFilter(category: category, typePrefix: type))
                }
                for event in page.events {
                    output.line(event.json(extra: try proofs.map { try AuditFields.members(of: event, proofs: $0) } ?? []))
                }
                remaining -= page.events.count
                if page.reachedEnd { break }
                cursor = page.next
            }
            output.flush()
        }
    }
}
