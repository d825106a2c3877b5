import EventLog
import Foundation
import JSON
import Projections
import Testing

/// Dumps are canonical and sorted; status figures add up; a second process reads beside.
@Suite struct DumpAndStatusTests {
    /// Writes values whose members come in a non-canonical order, under keys that sort by bytes.
    struct Unordered: Projection {
        let name = "unordered"
        let version = 1
        let eventTypes: [String] = []
        func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
            var object = JSONObject()
            object["z"] = .number(JSONNumber(Int(event.event.position)))
            object["a"] = ["y": true, "b": .null]
            object["é"] = "text with \"quotes\"\n"
            try state.put("k/\(event.event.stream.rawValue)", .object(object))
        }
    }

    @Test func theDumpIsCanonicalSortedNDJSON() async throws {
        let ledger = try TestLedger()
        for stream in ["b-2", "a-10", "B-1", "a-9", "a-1"] { try await ledger.append(1, to: stream) }
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Unordered()], folds: [], upcasters: nil)
        try await whileRunning(engine) { try await engine.waitUntil("unordered", reached: 4, timeout: .seconds(120)) }
        let lines = try await dumpText(engine, "unordered").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let keys = ["k/B-1", "k/a-1", "k/a-10", "k/a-9", "k/b-2"]
        #expect(lines.dropLast().count == keys.count)
        for (line, key) in zip(lines, keys) {
            let value = try JSONParser().parse(String(line))
            #expect(value["key"]?.stringValue == key)
            // Byte for byte the canonical serialisation of what was parsed.
            #expect(String(line) == value.serialized(.canonical))
        }
        #expect(lines[0] == #"{"key":"k/B-1","value":{"a":{"b":null,"y":true},"z":2,"é":"text with \"quotes\"\n"}}"#)
        // A page goes on where the last one ended.
        let first = try await engine.page("unordered", prefix: "k/a", after: nil, limit: 2)
        #expect(first.entries.map(\.key) == ["k/a-1", "k/a-10"])
        let second = try await engine.page("unordered", prefix: "k/a", after: first.next, limit: 2)
        #expect(second.entries.map(\.key) == ["k/a-9"] && second.next == nil && second.position == 4)
    }

    @Test func statusFiguresAreSaneWhileCatchingUpAndWhenLive() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(20_000, streams: 100)
        var options = ProjectionEngine.Options()
        options.chunkSize = 200
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [], upcasters: nil, options: options)
        let idle = try await engine.status(of: "streams")
        #expect(idle.phase == .stopped && idle.position == nil && idle.head == 19_999 && idle.lag == 20_000 && idle.generation == 1)
        try await whileRunning(engine) {
            var sawCatchingUp = false
            try await eventually("live") {
                let status = try await engine.status(of: "streams")
                #expect(status.lag == status.position.map { 19_999 - $0 } ?? 20_000)
                if status.phase == .catchingUp, let position = status.position, position < 19_000 {
                    #expect(status.eventsPerSecond >= 0 && (status.etaSeconds ?? 1) > 0)
                    // Right after a commit the rate may not count it yet; it must show soon after.
                    if status.eventsPerSecond > 0, let eta = status.etaSeconds {
                        sawCatchingUp = true
                        #expect(eta * status.eventsPerSecond <= Double(status.lag) * 1.001)
                    }
                }
                return status.phase == .live
            }
            let live = try await engine.status(of: "streams")
            #expect(live.position == 19_999 && live.lag == 0 && live.failure == nil && live.rebuild == nil)
            #expect(live.etaSeconds == nil)
            #expect(sawCatchingUp)
            let all = try await engine.statuses()
            #expect(all == [live] || all.map(\.name) == ["streams"])
        }
        #expect(try await engine.status(of: "streams").phase == .stopped)
        await #expect(throws: ProjectionError.unknownProjection("nope")) { try await engine.status(of: "nope") }
    }

    @Test func aSecondProcessReadsStatusDumpAndQueriesWithoutWriting() async throws {
        let ledger = try TestLedger()
        try await ledger.appendSpread(300, streams: 4)
        var dump = ""
        do {
            let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                              folds: [StreamFold()], upcasters: nil)
            try await whileRunning(engine) { try await engine.waitUntil("streams", reached: 299, timeout: .seconds(120)) }
            dump = try await dumpText(engine, "streams")
        }
        let reader = try ProjectionEngine.openReadOnly(directory: ledger.directory, projections: [StreamSummaryProjection()],
                                                       folds: [StreamFold()], log: ledger.store)
        #expect(try await dumpText(reader, "streams") == dump)
        let status = try await reader.status(of: "streams")
        #expect(status.position == 299 && status.phase == .live)
        try await reader.waitUntil("streams", reached: 299, timeout: .seconds(120))
        #expect(try await reader.value("streams", key: "stream/case-1").value?["events"] == 75)
        #expect(try await reader.entity("stream", key: "case-1", asOf: .position(10)).state["events"] == 3)
        await #expect(throws: ProjectionError.self) { try await reader.rebuild("streams") }
        await #expect(throws: ProjectionError.self) { try await reader.run() }
        // A directory where no projection ever ran is refused, not created.
        let empty = try ledger.sideDirectory("empty")
        #expect(throws: ProjectionError.self) {
            try ProjectionEngine.openReadOnly(directory: empty, projections: [], folds: [], log: ledger.store)
        }
        #expect(!FileManager.default.fileExists(atPath: empty + "/projections"))
    }
}
