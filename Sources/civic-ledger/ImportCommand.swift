import ArgumentParser
import Catalog
import CivilAffairs
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
        Consecutive lines that carry the same event (same type and data) into different streams —
        a marriage registration into both parties' streams — are appended atomically, as one
        request. Every line passes the event catalog and the bureau's rules, in file order.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

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
            // The import holds the ledger alone, so the rules can judge the file's lines in order
            // against what it admitted before the writer commits it.
            var judge = RuleJudgeSession(rules: try bureauOptions.rules(directory: global.directory, json: global.json), reader: store)
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
                if var last = requests.last, last.count == 1, last[0].stream == stream {
                    last[0].events.append(envelope.event)
                    requests[requests.count - 1] = last
                } else if var last = requests.last, Self.sameEvent(envelope.event, recordedAcross: last), !last.contains(where: { $0.stream == stream }) {
                    last.append(StreamAppend(stream: stream, expected: .any, events: [envelope.event]))
                    requests[requests.count - 1] = last
                } else {
                    requests.append([StreamAppend(stream: stream, expected: .any, events: [envelope.event])])
                    lines.append(reader.lineNumber)
                }
                pending += 1
                eventLines.append(reader.lineNumber)
                if pending >= batch {
                    try await submit(judged(admit(requests, eventLines: eventLines, catalog: catalog), lines: lines, judge: &judge, store: store, counts: &counts),
                                     lines: lines, to: store, counts: &counts)
                    requests = []; lines = []; eventLines = []; pending = 0
                    progress.update(reader.offset)
                }
            }
            try await submit(judged(admit(requests, eventLines: eventLines, catalog: catalog), lines: lines, judge: &judge, store: store, counts: &counts),
                             lines: lines, to: store, counts: &counts)
            progress.update(reader.offset, force: true)
            progress.finish()
            Output().line(#"{"appended":\#(counts.appended),"skipped":\#(counts.skipped),"head":\#(try await store.head().map(String.init) ?? "null")}"#)
        }
    }

    /// Whether `event` repeats the single event of every append of `request` into another stream.
    static func sameEvent(_ event: ProposedEvent, recordedAcross request: [StreamAppend]) -> Bool {
        guard let first = request.first?.events.first else { return false }
        return request.allSatisfy { $0.events.count == 1 } && first.type == event.type && first.payload == event.payload
    }

    /// The batch through the bureau's rules, in order; on a refusal the requests before it are
    /// written first, so that the message's "the lines before it are in the log" holds.
    private func judged(_ requests: [[StreamAppend]], lines: [Int], judge: inout RuleJudgeSession, store: LMDBEventStore,
                        counts: inout ImportCounts) async throws -> [[StreamAppend]] {
        var admitted: [[StreamAppend]] = []
        for (index, request) in requests.enumerated() {
            do {
                admitted.append(try await judge.admit(request))
            } catch let refusal as RuleRefusal {
                try await submit(admitted, lines: lines, to: store, counts: &counts)
                throw CommandFailure(refusal: refusal, json: global.json,
                                     prefix: "Line \(lines[index]) (stream \(request[0].stream)): the lines before it are in the log; fix it and run the import again to resume. ")
            }
        }
        return admitted
    }

    private func submit(_ requests: [[StreamAppend]], lines: [Int], to store: LMDBEventStore, counts: inout ImportCounts) async throws {
        guard !requests.isEmpty else { return }
        for (i, result) in await store.appendInOrder(requests).enumerated() {
            // Certificate claims the rules added after the file's appends are not lines of the file.
            let events = requests[i].filter { $0.stream.category != BureauRules.claimCategory }.reduce(0) { $0 + $1.events.count }
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
