import EventLog
import Foundation
import JSON
import Projections
import Synchronization
import Testing

/// The typed path (`StreamStateProjection`: native values per stream, written once per chunk)
/// stores exactly the JSON that the general path (`apply` on a `ProjectionStateWriter`) stores.
@Suite struct StreamStatesTests {
    @Test func streamsOnTheTypedPathStoresWhatTheJSONPathStoresAcrossChunksAndRestarts() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(700, streams: 23, types: ["test.Opened", "test.Changed", "test.Changed", "other.Noted"])
        var options = ProjectionEngine.Options()
        options.chunkSize = 37  // streams run across many chunks
        let projections: [any Projection] = [StreamSummaryProjection(), GeneralPath(name: "streams-json", inner: StreamSummaryProjection())]
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: projections, folds: [],
                                              upcasters: nil, options: options)
            try await whileRunning(engine) {
                try await engine.waitUntil("streams", reached: 699, timeout: .seconds(120))
                try await engine.waitUntil("streams-json", reached: 699, timeout: .seconds(120))
            }
        }
        // A new process reads the stored summaries back into native values and goes on.
        try await ledger.appendSpread(300, streams: 31, types: ["test.Closed"])
        try await ledger.append(5, to: "solo-1", type: "test.Quoted")
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: projections,
                                          folds: [StreamFold()], upcasters: nil, options: options)
        let head = try await ledger.head()
        try await whileRunning(engine) {
            try await engine.waitUntil("streams", reached: head, timeout: .seconds(120))
            try await engine.waitUntil("streams-json", reached: head, timeout: .seconds(120))
        }
        let typed = try await dumpText(engine, "streams")
        #expect(typed.split(separator: "\n").count == 32)
        #expect(typed == (try await dumpText(engine, "streams-json")))
        // The fold of one stream agrees with the stored summary.
        let stored = try #require(try await engine.value("streams", key: "stream/case-5").value)
        let folded = try await engine.entity("stream", key: "case-5", asOf: nil).state
        #expect(stored.serialized(.canonical) == folded.serialized(.canonical))
        #expect(stored["events"]?.numberValue?.intValue == 700 / 23 + 1 + 300 / 31 + 1)
    }

    @Test func aSummaryIsWrittenInCanonicalFormAndReadBackUnchanged() throws {
        let streams = StreamSummaryProjection()
        let stream = try StreamName("case-1")
        var summary = streams.initial(stream: stream)
        var bytes: [UInt8] = []
        streams.writeCanonicalJSON(summary, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"events":0,"stream":"case-1","types":{}}"#)
        // Types the log never holds (quotes, control characters, non-ASCII) still come out canonical.
        for (position, type) in ["b.Second", "a.First", "q.\"Quoted\"\u{1}\n", "é.Accent", "b.Second"].enumerated() {
            let id = UUID()
            try streams.add(EventHeader(position: UInt64(position) * 1000, version: UInt64(position), recordedAt: -1 + Int64(position) * 86_400_000_001,
                                        id: id, stream: stream, type: type), to: &summary)
        }
        bytes.removeAll()
        streams.writeCanonicalJSON(summary, into: &bytes)
        let parsed = try JSONParser().parse(bytes)
        #expect(parsed.serializedBytes(.canonical) == bytes)
        #expect(parsed["events"] == 5 && parsed["lastPosition"] == 4000 && parsed["types"]?["b.Second"] == 2)
        #expect(parsed["lastRecordedAt"] == "1970-01-05T00:00:00.000003Z")
        var again: [UInt8] = []
        streams.writeCanonicalJSON(try streams.state(from: parsed, stream: stream), into: &again)
        #expect(again == bytes)
        #expect(throws: (any Error).self) { try streams.state(from: ["stream": "case-1", "events": "many", "types": [:]], stream: stream) }
    }

    @Test func aFailureOnTheTypedPathKeepsNothingOfItsChunkAndTheRetryStoresWhatTheJSONPathStores() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(400, streams: 9)
        var options = ProjectionEngine.Options()
        options.chunkSize = 50
        let gate = FailureGate(position: 170)
        let projections: [any Projection] = [
            PoisonedStreams(name: "typed", gate: gate), GeneralPath(name: "general", inner: PoisonedStreams(name: "general", gate: gate)),
        ]
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: projections, folds: [],
                                          upcasters: nil, options: options)
        try await whileRunning(engine) {
            try await eventually("both failures") {
                let typed = try await engine.status(of: "typed").phase, general = try await engine.status(of: "general").phase
                return typed == .failed && general == .failed
            }
        }
        for name in ["typed", "general"] {
            let status = try await engine.status(of: name)
            #expect(status.position == 149)  // the chunk 150...199 was not kept
            #expect(status.failure?.position == 170)
            #expect(status.failure?.message == "poisoned at 170")
        }
        #expect(try await dumpText(engine, "typed") == (try await dumpText(engine, "general")))
        #expect(try await engine.value("typed", key: "stream/case-0").value?["events"]?.numberValue?.intValue == 17)

        // A new process whose handler lets the event through goes on from the last commit.
        gate.clear()
        let again = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: projections, folds: [],
                                         upcasters: nil, options: options)
        try await whileRunning(again) {
            try await again.waitUntil("typed", reached: 399, timeout: .seconds(120))
            try await again.waitUntil("general", reached: 399, timeout: .seconds(120))
        }
        let typed = try await dumpText(again, "typed")
        #expect(typed == (try await dumpText(again, "general")))
        #expect(try await again.value("typed", key: "stream/case-0").value?["events"]?.numberValue?.intValue == 45)
    }
}

/// Runs another projection through `apply` only: the general path, for comparison.
struct GeneralPath<Inner: Projection>: Projection {
    let name: String
    let inner: Inner
    var version: Int { inner.version }
    var eventTypes: [String] { inner.eventTypes }
    var readsPayload: Bool { false }

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        try inner.apply(event, to: state)
    }
}

/// Where `PoisonedStreams` refuses an event; cleared to let it through.
final class FailureGate: Sendable {
    private let position: Mutex<UInt64?>

    init(position: UInt64) { self.position = Mutex(position) }

    func clear() { position.withLock { $0 = nil } }

    func check(_ position: UInt64) throws {
        if self.position.withLock({ $0 }) == position { throw Poisoned(position: position) }
    }

    struct Poisoned: Error, CustomStringConvertible {
        let position: UInt64
        var description: String { "poisoned at \(position)" }
    }
}

/// `streams`' summaries on the typed path, refusing the event the gate names.
struct PoisonedStreams: StreamStateProjection {
    let name: String
    let gate: FailureGate
    let version = 1
    let eventTypes: [String] = []
    private let streams = StreamSummaryProjection()

    init(name: String, gate: FailureGate) {
        self.name = name
        self.gate = gate
    }

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        try gate.check(event.event.position)
        try streams.apply(event, to: state)
    }

    func key(forStream stream: StreamName) -> String { streams.key(forStream: stream) }
    func initial(stream: StreamName) -> StreamSummaryValue { streams.initial(stream: stream) }
    func state(from stored: JSONValue, stream: StreamName) throws -> StreamSummaryValue { try streams.state(from: stored, stream: stream) }
    func writeCanonicalJSON(_ state: StreamSummaryValue, into bytes: inout [UInt8]) { streams.writeCanonicalJSON(state, into: &bytes) }

    func add(_ event: EventHeader, to state: inout StreamSummaryValue) throws {
        try gate.check(event.position)
        try streams.add(event, to: &state)
    }
}
