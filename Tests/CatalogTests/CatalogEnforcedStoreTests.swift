import Catalog
import EventLog
import Foundation
import JSON
import Testing

/// The wrapper store refuses bad requests before the writer and writes nothing of them.
@Suite struct CatalogEnforcedStoreTests {
    static let visit = #"{"visitId":"2b1f0a3c-6d4e-4f5a-8b7c-9d0e1f2a3b4c"}"#

    /// Runs `body` with a catalog-enforced LMDB store in a fresh directory.
    func withStore(_ body: (CatalogEnforcedStore<LMDBEventStore>) async throws -> Void) async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let base = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory.path))
        defer { base.close() }
        try await body(CatalogEnforcedStore(base, catalog: CatalogFixture.catalog))
    }

    func validPayment(_ n: Int) -> ProposedEvent {
        let payload = LookupTests.paymentV2.replacingOccurrences(of: "95000", with: String(1000 + n))
        return ProposedEvent(type: "assistance.ReliefPaid", payload: payload)
    }

    @Test func aValidRequestIsWrittenWithItsSchemaVersion() async throws {
        try await withStore { store in
            let stream = try StreamName("relief-SA330481101202600012")
            let result = try await store.append([validPayment(1), validPayment(2)], to: stream, expecting: .noStream)
            #expect(result.streams[0].events.count == 2)
            let page = try await store.readStream(stream, from: nil, direction: .forwards, limit: 10)
            #expect(page.events.count == 2)
            #expect(page.events.allSatisfy { SchemaVersion.stored(metadata: $0.metadata) == 2 })
            #expect(page.events[0].payload == validPayment(1).payload)
        }
    }

    @Test func aRequestWithOneBadEventWritesNothingAndNamesEveryBadEvent() async throws {
        try await withStore { store in
            let good = try StreamName("relief-SA330481101202600012"), other = try StreamName("relief-SA330481101202600013")
            var second = validPayment(3)
            second.payload = Array(LookupTests.paymentV2.replacingOccurrences(of: "\"2026-04\"", with: "\"April\"").utf8)
            let request = [
                StreamAppend(stream: good, events: [validPayment(1), validPayment(2)]),
                StreamAppend(stream: other, events: [second, ProposedEvent(type: "assistance.Nonsense", payload: "{}")]),
            ]
            let refusal = await #expect(throws: CatalogRefusal.self) { try await store.append(request) }
            #expect(refusal?.events.map(\.index) == [2, 3])
            #expect(refusal?.events[0].violations.map(\.instanceLocation.description) == ["/month"])
            #expect(refusal?.events[1].reason == .unknownType)
            #expect(try await store.size() == 0)
            #expect(try await store.version(of: good) == nil)
        }
    }

    @Test func largeRequestsAreCheckedInParallelInOrder() async throws {
        try await withStore { store in
            let stream = try StreamName("relief-SA330481101202600012")
            var events = (0..<500).map(validPayment)
            let bad = [17, 250, 499]
            for i in bad { events[i].payload = Array(#"{"caseId":"x"}"#.utf8) }
            let refusal = await #expect(throws: CatalogRefusal.self) { try await store.append(events, to: stream) }
            #expect(refusal?.events.map(\.index) == bad)
            #expect(try await store.size() == 0)
            for i in bad { events[i] = validPayment(i) }
            let result = try await store.append(events, to: stream)
            #expect(result.streams[0].events.count == 500)
            let page = try await store.readStream(stream, from: nil, direction: .forwards, limit: 500)
            #expect(page.events.map(\.payload) == events.map(\.payload))
        }
    }

    @Test func aRetryOfAnAdmittedEventIsRecognised() async throws {
        try await withStore { store in
            let stream = try StreamName("relief-SA330481101202600012")
            let event = validPayment(1)
            _ = try await store.append([event], to: stream)
            let again = try await store.append([event], to: stream)
            #expect(again.replayed)
            #expect(try await store.size() == 1)
        }
    }
}
