import ArgumentParser
import Catalog
import EventLog
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-append NDJSON lines that each name their stream; re-running skips what is already there.",
        discussion: """
        Each line: {"stream", "id"?, "type", "data", "metadata"?}. Lines without an id get a new
        one, so only lines with ids are skipped on a re-run: give ids to make an import resumable.
        Consecutive lines of one stream are appended together; the log keeps the file's order.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions

    @Argument(help: "The NDJSON file (- for standard input).")
    var file: String

    @Option(help: "durable (fsync each batch) or relaxed (faster; a crash may lose the last commit, never corrupts).")
    var durability: LedgerConfiguration.Durability = .durable

    @Option(help: "Events per submission to the writer.")
    var batch: Int = 5_000

    func run() async throws {
        try await failing(json: global.json) {
            let catalog = try catalogOptions.load(json: global.json)
            let store = try global.open(writing: true, durability: durability, command: "import")
            defer { store.close() }
            let path = file == "-" ? nil : file
            let total = path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? UInt64 } ?? 0
            var reader = try LineReader(path: path)
            var progress = Progress(label: "import", total: total)
            var requests: [[StreamAppend]] = [], pending = 0
            var counts = ImportCounts()
            var lines: [Int] = [], eventLines: [Int] = []
            while let line = reader.next() {
                var envelope = try EventEnvelope(json: line, pointer: "line \(reader.lineNumber)", allowStream: true)
                envelope.event.metadata = try EventMetadata.stamping(envelope.event.metadata, actor: CommandLineActor.name, event: reader.lineNumber)
                let stream = try StreamName(envelope.stream!)
                if var last = requests.last, last[0].stream == stream {
                    last[0].events.append(envelope.event)
                    requests[requests.count - 1] = last
                } else {
                    requests.append([StreamAppend(stream: stream, expected: .any, events: [envelope.event])])
                    lines.append(reader.lineNumber)
                }
                pending += 1
                eventLines.append(reader.lineNumber)
                if pending >= batch {
                    try await submit(admit(requests, eventLines: eventLines, catalog: catalog), lines: lines, to: store, counts: &counts)
                    requests = []; lines = []; eventLines = []; pending = 0
                    progress.update(reader.offset)
                }
            }
            try await submit(admit(requests, eventLines: eventLines, catalog: catalog), lines: lines, to: store, counts: &counts)
            progress.update(reader.offset, force: true)
            progress.finish()
            Output().line(#"{"appended":\#(counts.appended),"skipped":\#(counts.skipped),"head":\#(try await store.head().map(String.init) ?? "null")}"#)
        }
    }

    private func submit(_ requests: [[StreamAppend]], lines: [Int], to store: LMDBEventStore, counts: inout ImportCounts) async throws {
        guard !requests.isEmpty else { return }
        for (i, result) in await store.appendInOrder(requests).enumerated() {
            let events = requests[i][0].events.count
            switch result {
            case .success(let r) where r.replayed: counts.skipped += events
            case .success: counts.appended += events
            case .failure(let error):
                throw CommandFailure(message: "Stopped at the run of \(requests[i][0].stream) starting on line \(lines[i]): \(error.description) The lines before it are in the log; fix it and run the import again to resume (lines whose ids are in the log are skipped).",
                                     code: error.code, exitCode: CommandFailure(error, json: false).exitCode, json: global.json)
            }
        }
    }
}

struct ImportCounts {
    var appended = 0
    var skipped = 0
}
