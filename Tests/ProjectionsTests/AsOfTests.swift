import EventLog
import Foundation
import JSON
import Projections
import Testing

/// One entity's state at any moment of its stream's life, by position or by time.
@Suite struct AsOfTests {
    @Test func asOfTextIsAPositionOrAnRFC3339Time() {
        #expect(AsOf("1234") == .position(1234))
        #expect(AsOf("2026-03-01T08:00:00Z") == .time(microseconds: 1_772_352_000_000_000))
        #expect(AsOf("2026-03-01T08:00:00.5+08:00") == .time(microseconds: 1_772_323_200_500_000))
        #expect(AsOf("yesterday") == nil)
        #expect(AsOf("") == nil)
    }

    @Test func anEntityIsFoldedUpToAPositionOrATimeAndSaysWhichPositionItReflects() async throws {
        let ledger = try TestLedger()
        var positions: [UInt64] = []
        for i in 0..<4 {
            positions.append(try await ledger.append(1, to: "case-7", type: i == 0 ? "test.Opened" : "test.Changed"))
            try await ledger.append(1, to: "case-\(i)")  // other streams interleave
            try await Task.sleep(for: .milliseconds(5))
        }
        let events = try await ledger.store.readStream(try StreamName("case-7"), from: nil, direction: .forwards, limit: 10).events
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [StreamSummaryProjection()],
                                          folds: [StreamFold()], upcasters: nil)
        try await whileRunning(engine) { try await engine.waitUntil("streams", reached: try await ledger.head(), timeout: .seconds(120)) }

        let before = try await engine.entity("stream", key: "case-7", asOf: .time(microseconds: events[0].recordedAt - 1))
        #expect(!before.exists && before.position == nil)
        #expect(before.state == ["stream": "case-7", "events": 0, "types": [:]])

        for (i, event) in events.enumerated() {
            for moment in [AsOf.position(event.position), .position(event.position + 1), .time(microseconds: event.recordedAt)] {
                let state = try await engine.entity("stream", key: "case-7", asOf: moment)
                #expect(state.exists && state.position == positions[i], "\(moment)")
                #expect(state.state["events"] == .number(JSONNumber(i + 1)))
                #expect(state.state["lastPosition"] == .number(JSONNumber(Int(positions[i]))))
            }
        }
        // Now, and the live projection, agree.
        let now = try await engine.entity("stream", key: "case-7", asOf: nil)
        #expect(now.position == positions.last)
        #expect(now.state == (try await engine.value("streams", key: "stream/case-7").value))
        #expect(now.state["types"] == ["test.Opened": 1, "test.Changed": 3])

        await #expect(throws: ProjectionError.unknownEntity("person")) { try await engine.entity("person", key: "x", asOf: nil) }
        await #expect(throws: ProjectionError.self) { try await engine.entity("stream", key: "no spaces", asOf: nil) }
        let absent = try await engine.entity("stream", key: "case-99", asOf: nil)
        #expect(!absent.exists)
    }

    @Test func payloadsAreUpcastSoAVersion1ReliefPaymentReadsAsVersion2() async throws {
        let ledger = try TestLedger()
        let v1 = #"{"caseId":"SA-330481101-2026-00012","town":"330481101","reliefKind":"dibao","paymentId":"P-1","month":"2026-03","amountFen":95000,"paidDate":"2026-03-05","recipientIdNumber":"330481199001011234"}"#
        let v2 = v1.replacingOccurrences(of: "P-1", with: "P-2").replacingOccurrences(of: "}", with: #","paymentChannel":"bank-transfer"}"#)
        _ = try await ledger.store.append([
            ProposedEvent(type: "assistance.ReliefPaid", payload: v1, metadata: #"{"schemaVersion":1}"#),
            ProposedEvent(type: "assistance.ReliefPaid", payload: v2, metadata: #"{"schemaVersion":2}"#),
            ProposedEvent(type: "test.Unknown", payload: #"{"paymentId":"P-3"}"#),
        ], to: try StreamName("relief-SA33048110120260001"))
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.store, projections: [Payments()],
                                          folds: [], upcasters: try catalogUpcasters())
        try await whileRunning(engine) { try await engine.waitUntil("payments", reached: 2, timeout: .seconds(120)) }
        #expect(try await engine.value("payments", key: "payment/P-1").value == ["channel": "one-card", "schemaVersion": 2])
        #expect(try await engine.value("payments", key: "payment/P-2").value == ["channel": "bank-transfer", "schemaVersion": 2])
        // Not a type the projection reads; the position still advances past it.
        #expect(try await engine.value("payments", key: "payment/P-3").value == nil)
        #expect(try await engine.status(of: "payments").position == 2)

        // Without upcasters the payload is read as stored, with the version its metadata names.
        let side = try ledger.sideDirectory("raw")
        let raw = try ProjectionEngine(directory: side, log: ledger.store, projections: [Payments()], folds: [], upcasters: nil)
        try await whileRunning(raw) { try await raw.waitUntil("payments", reached: 2, timeout: .seconds(120)) }
        #expect(try await raw.value("payments", key: "payment/P-1").value == ["channel": .null, "schemaVersion": 1])
    }
}
