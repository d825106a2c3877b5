import Catalog
import EventLog
import Foundation
import JSON
import Testing

@Suite struct UpcastTests {
    let upcasters: Upcasters

    init() throws { upcasters = try Upcasters(catalog: CatalogFixture.catalog) }

    @Test func everyValidExampleOfAnOlderVersionUpcastsToAValidLatestPayload() throws {
        let older = CatalogFixture.allExamples.filter {
            $0.expectedValid && $0.version < (CatalogFixture.catalog.latest($0.type)?.version ?? 0)
        }
        #expect(older.contains { $0.type == "assistance.ReliefPaid" && $0.version == 1 })
        for example in older {
            let upcast = try upcasters.upcast(type: example.type, version: example.version, payload: JSONParser().parse(example.bytes))
            let latest = try #require(CatalogFixture.catalog.latest(example.type))
            #expect(upcast.version == latest.version)
            #expect(latest.validate(upcast.payload).isEmpty, "\(example.file)")
        }
    }

    @Test func reliefPaidVersion1ReadsAsPaidByTheOneCard() throws {
        let v1 = try JSONParser().parse(LookupTests.paymentV1)
        let upcast = try upcasters.upcast(type: "assistance.ReliefPaid", version: 1, payload: v1)
        #expect(upcast.payload["paymentChannel"] == "one-card")
        #expect(upcast.payload["amountFen"] == 95000)
        let latest = try JSONParser().parse(LookupTests.paymentV2)
        #expect(try upcasters.upcast(type: "assistance.ReliefPaid", version: 2, payload: latest).payload == latest)
        #expect(throws: UpcastError.self) { try upcasters.upcast(type: "assistance.ReliefPaid", version: 3, payload: latest) }
    }

    @Test func aStoredEventIsReadFromTheVersionItsMetadataNames() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let base = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory.path))
        defer { base.close() }
        let store = CatalogEnforcedStore(base, catalog: CatalogFixture.catalog)
        let stream = try StreamName("relief-SA330481101202600012")
        _ = try await store.append([
            ProposedEvent(type: "assistance.ReliefPaid", payload: LookupTests.paymentV1, metadata: #"{"schemaVersion":1}"#),
            ProposedEvent(type: "assistance.ReliefPaid", payload: LookupTests.paymentV2),
        ], to: stream)
        let events = try await store.readStream(stream, from: nil, direction: .forwards, limit: 10).events
        let read = try events.map { try upcasters.upcast($0) }
        #expect(read.map(\.version) == [2, 2])
        #expect(read.map { $0.payload["paymentChannel"] } == ["one-card", "bank-transfer"])
    }

    @Test func aCodedUpcasterReplacesTheDeclaredStep() throws {
        let coded = Upcaster(type: "assistance.ReliefPaid", from: 1) { payload in
            var upcast = payload
            upcast["paymentChannel"] = "cash"
            return upcast
        }
        let registry = try Upcasters(catalog: CatalogFixture.catalog, coded: [coded])
        let upcast = try registry.upcast(type: "assistance.ReliefPaid", version: 1, payload: JSONParser().parse(LookupTests.paymentV1))
        #expect(upcast.payload["paymentChannel"] == "cash")
    }
}
