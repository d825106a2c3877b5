import Catalog
import EventLog
import Foundation
import JSON
import Testing

/// Choosing the schema an event is checked against, and refusing what the catalog does not know.
@Suite struct LookupTests {
    let catalog = CatalogFixture.catalog
    static let paymentV1 = #"{"caseId":"SA-330481101-2026-00012","town":"330481101","reliefKind":"dibao","paymentId":"6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f","month":"2026-04","amountFen":95000,"paidDate":"2026-04-10","recipientIdNumber":"33048119680412031X"}"#
    static let paymentV2 = String(paymentV1.dropLast()) + #","paymentChannel":"bank-transfer"}"#

    @Test func anUnknownTypeIsRefused() {
        #expect(throws: EventRefusal.Reason.unknownType) { try catalog.validate(type: "assistance.ReliefPayed", payload: Array("{}".utf8)) }
        guard case .failure(let refusal) = catalog.admit(ProposedEvent(type: "assistance.ReliefPayed", payload: "{}"), index: 4) else {
            Issue.record("an unknown type was admitted")
            return
        }
        #expect(refusal.index == 4)
        #expect(refusal.reason.code == "unknown-event-type")
        #expect(refusal.message.contains("assistance.ReliefPayed"))
    }

    @Test func anUnknownVersionIsRefusedNamingTheVersionsThatExist() {
        #expect(throws: EventRefusal.Reason.unknownVersion(3, known: [1, 2])) {
            try catalog.validate(type: "assistance.ReliefPaid", version: 3, payload: Array(Self.paymentV2.utf8))
        }
        let event = ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV2, metadata: #"{"schemaVersion":3}"#)
        guard case .failure(let refusal) = catalog.admit(event, index: 0) else {
            Issue.record("an unknown version was admitted")
            return
        }
        #expect(refusal.message.contains("versions are 1 and 2"))
        #expect(String(decoding: JSONValue.array([refusal.json]).serializedBytes(), as: UTF8.self).contains(#""knownVersions":[1,2]"#))
    }

    @Test func withoutAVersionTheLatestAppliesAndIsRecordedInTheMetadata() throws {
        let v1 = ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV1, metadata: #" { "actor" : "STF-000123" } "#)
        guard case .failure(let refusal) = catalog.admit(v1, index: 0) else {
            Issue.record("a v1 payload passed as v2")
            return
        }
        #expect(refusal.version == 2)
        #expect(refusal.violations.map(\.keyword) == ["required"])
        #expect(refusal.violations.first?.instanceLocation.description == "/paymentChannel")

        let v2 = ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV2, metadata: #" { "actor" : "STF-000123" } "#)
        let admitted = try catalog.admit(v2, index: 0).get()
        #expect(String(decoding: admitted.metadata, as: UTF8.self) == #" {"schemaVersion":2, "actor" : "STF-000123" } "#)
        #expect(admitted.payload == v2.payload)
        #expect(SchemaVersion.stored(metadata: admitted.metadata) == 2)

        let bare = try catalog.admit(ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV2, metadata: "{ }"), index: 0).get()
        #expect(String(decoding: bare.metadata, as: UTF8.self) == #"{"schemaVersion":2}"#)
    }

    @Test func aNamedVersionIsUsedAndTheMetadataKeptAsSent() throws {
        let metadata = #"{"actor":"STF-000123","schemaVersion":1}"#
        let event = ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV1, metadata: metadata)
        let admitted = try catalog.admit(event, index: 0).get()
        #expect(admitted == event)
        #expect(SchemaVersion.stored(metadata: admitted.metadata) == 1)
        #expect(SchemaVersion.stored(metadata: Array("{}".utf8)) == 1)
    }

    @Test(arguments: [#"{"schemaVersion":"2"}"#, #"{"schemaVersion":0}"#, #"{"schemaVersion":1.5}"#, #"{"schemaVersion":null}"#])
    func aMalformedVersionIsRefused(_ metadata: String) {
        let event = ProposedEvent(type: "assistance.ReliefPaid", payload: Self.paymentV2, metadata: metadata)
        guard case .failure(let refusal) = catalog.admit(event, index: 0) else {
            Issue.record("schemaVersion \(metadata) was accepted")
            return
        }
        #expect(refusal.reason.code == "invalid-schema-version")
    }

    @Test func aPayloadThatIsNotJSONIsRefused() {
        guard case .failure(let refusal) = catalog.admit(ProposedEvent(type: "assistance.ReliefPaid", payload: "{\"caseId\":"), index: 0) else {
            Issue.record("broken JSON was admitted")
            return
        }
        #expect(refusal.reason.code == "payload-not-json")
    }

    @Test func aRefusalListsEveryViolationWithPointerKeywordLocationAndSentence() throws {
        let payload = #"{"caseId":"SA-1","town":"330481101","reliefKind":"cash","paymentId":"6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f","month":"2026-04","amountFen":0,"paidDate":"2026-02-30","recipientIdNumber":"33048119680412031X","paymentChannel":"one-card","tip":1}"#
        let violations = try catalog.validate(type: "assistance.ReliefPaid", payload: Array(payload.utf8))
        let found = Set(violations.map { "\($0.instanceLocation) \($0.keyword) \($0.schemaLocation)" })
        #expect(found == [
            "/caseId pattern /properties/caseId/pattern", "/reliefKind enum /properties/reliefKind/enum",
            "/amountFen minimum /properties/amountFen/minimum", "/paidDate format /properties/paidDate/format",
            "/tip additionalProperties /additionalProperties",
        ])
        let refusal = CatalogRefusal(events: [EventRefusal(index: 0, type: "assistance.ReliefPaid", version: 2, reason: .violations(violations))])
        let json = try JSONParser().parse(refusal.json())
        #expect(json["error"] == "catalog-refusal")
        #expect(json["events"]?[0]?["violations"]?.arrayValue?.count == 5)
        #expect(json["events"]?[0]?["violations"]?[0]?.objectValue?.keys == ["pointer", "keyword", "schemaLocation", "message"])
        #expect(refusal.description.split(separator: "\n").count == 7)
    }
}
