import EventLog
import Foundation
import JSON
import Projections
import Testing
@testable import CivilAffairs

/// The bureau's read models on the real projection engine, fed through the rules.
@Suite struct BureauReadModelTests {
    let settings = CivilAffairsSettings()

    func event(_ type: String, _ fields: [String: JSONValue]) -> ProposedEvent {
        var object = JSONObject()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { object[key] = value }
        return ProposedEvent(type: type, payload: JSONWriter().bytes(.object(object)))
    }

    func withEngine(_ body: (RuleEnforcedStore<LMDBEventStore>, ProjectionEngine) async throws -> Void) async throws {
        let ledger = try RuleEnforcedStoreTests.Ledger()
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.base,
                                          projections: [ReliefCasesProjection(settings: settings), HouseholdsProjection(settings: settings),
                                                        MarriageProjection(settings: settings), SocialWorkProjection(settings: settings)],
                                          folds: BureauFolds.all(settings: settings), upcasters: nil)
        let running = Task { try await engine.run() }
        defer { running.cancel() }
        try await body(ledger.store, engine)
    }

    @Test func aReliefCaseWithItsTimelineIndexesAndPastStates() async throws {
        try await withEngine { store, engine in
            let stream = try StreamName("reliefcase-SA-330481001-2026-00001")
            let base: [String: JSONValue] = ["caseId": "SA-330481001-2026-00001", "town": "330481001", "reliefKind": "dibao"]
            func step(_ type: String, _ fields: [String: JSONValue]) async throws -> UInt64 {
                try await store.append([event(type, base.merging(fields) { $1 })], to: stream).lastPosition
            }
            let received = try await step("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
            _ = try await step("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
            _ = try await step("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"])
            _ = try await step("assistance.PreliminaryOpinionGiven", ["opinionDate": "2026-03-18", "opinion": "approve"])
            _ = try await step("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-20", "noticeDays": 7, "dayCounting": "calendar", "round": 1])
            _ = try await step("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27", "paymentSchedule": "monthly", "amountFen": 112_000])
            let paid = try await step("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-10", "amountFen": 112_000])

            try await engine.waitUntil("relief-cases", reached: paid, timeout: .seconds(120))
            let (view, position) = try await engine.value("relief-cases", key: "case/SA-330481001-2026-00001")
            #expect(position == paid)
            #expect(view?["step"] == "confirmed")
            #expect(view?["timeline"]?.arrayValue?.count == 7)
            #expect(view?["amountFen"] == 112_000)
            let confirmed = try await engine.page("relief-cases", prefix: "status/confirmed/330481001/", after: nil, limit: 10)
            #expect(confirmed.entries.map(\.key) == ["status/confirmed/330481001/SA-330481001-2026-00001"])
            #expect(try await engine.page("relief-cases", prefix: "status/received/", after: nil, limit: 10).entries.isEmpty)
            let payments = try await engine.value("relief-cases", key: "payments/330481001/2026-04").value
            #expect(payments?["amountFen"] == 112_000)

            // As of the receipt: waiting for the economic check, with the decision's deadline (30 working days).
            let then = try await engine.entity("relief-case", key: "SA-330481001-2026-00001", asOf: .position(received))
            #expect(then.position == received)
            #expect(then.state["step"] == "received")
            #expect(then.state["deadline"]?["due"] == "2026-04-13")
            let now = try await engine.entity("relief-case", key: "SA-330481001-2026-00001", asOf: nil)
            #expect(now.state["step"] == "confirmed")
            #expect(now.state["deadline"] == nil || now.state["deadline"] == .null)
        }
    }

    @Test func householdsByColourAndOverdueVisits() async throws {
        try await withEngine { store, engine in
            let stream = try StreamName("household-HH-330481001001-0001")
            let base: [String: JSONValue] = ["householdId": "HH-330481001001-0001", "town": "330481001"]
            _ = try await store.append([event("assistance.WarningLevelSet", base.merging(["level": "red", "setDate": "2026-06-01", "village": "330481001001"]) { $1 })], to: stream)
            let last = try await store.append([event("assistance.HomeVisitRecorded", base.merging(["visitDate": "2026-06-05", "method": "in-person"]) { $1 })], to: stream).lastPosition
            try await engine.waitUntil("households", reached: last, timeout: .seconds(120))
            let red = try await engine.page("households", prefix: "colour/red/", after: nil, limit: 10)
            #expect(red.entries.first?.value["nextVisitDue"] == "2026-06-12")
            let due = try await engine.page("households", prefix: "due/", after: nil, limit: 10)
            #expect(due.entries.map(\.key) == ["due/2026-06-12/HH-330481001001-0001"])
            // An empty prefix or `after` reads from the first key (LMDB itself refuses an empty key).
            let everything = try await engine.page("households", prefix: "", after: "", limit: 10)
            #expect(everything.entries.map(\.key).first == "colour/red/330481001/HH-330481001001-0001")
        }
    }

    @Test func maritalStatusByPseudonymAndCoolingOffWindows() async throws {
        try await withEngine { store, engine in
            let ledger = try RuleEnforcedStoreTests.Ledger()
            let a = party(born: "1990-01-01", sex: .male, sequence: 1)
            let b = party(born: "1992-02-02", sex: .female, sequence: 2)
            var last = try await store.append(ledger.registration(a, b, certificate: "J330481-2026-000001", on: "2026-05-04")).lastPosition
            let receipt = event("marriage.DivorceApplicationReceived", ["applicationId": "DA330481-2026-000001", "office": "330481", "receiptDate": "2026-06-01",
                                                                     "marriageCertificateNumber": "J330481-2026-000001", "partyA": a, "partyB": b, "agreementSubmitted": true])
            last = try await store.append([receipt], to: try StreamName("divorce-DA330481-2026-000001")).lastPosition
            try await engine.waitUntil("marriage", reached: last, timeout: .seconds(120))
            let person = ledger.marital(a).rawValue.dropFirst("marital-".count)
            #expect(try await engine.value("marriage", key: "person/\(person)").value?["status"] == "married")
            #expect(try await engine.value("marriage", key: "registrations/330481/2026-05").value?["marriages"] == 1)
            let open = try await engine.page("marriage", prefix: "cooling-off/", after: nil, limit: 10)
            #expect(open.entries.first?.value["coolingOffEnds"] == "2026-07-01")
            #expect(open.entries.first?.value["registrationCloses"] == "2026-07-31")
        }
    }
}
