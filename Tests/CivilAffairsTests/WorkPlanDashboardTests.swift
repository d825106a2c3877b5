import EventLog
import Foundation
import JSON
import Projections
import Testing
@testable import CivilAffairs

@Suite struct WorkPlanDashboardTests {
    func event(_ type: String, _ fields: [String: JSONValue]) -> ProposedEvent {
        var object = JSONObject()
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { object[key] = value }
        return ProposedEvent(type: type, payload: JSONWriter().bytes(.object(object)))
    }

    @Test func targetsAsOfAnyDay() async throws {
        let ledger = try RuleEnforcedStoreTests.Ledger()
        var settings = CivilAffairsSettings()
        settings.targetRenovations = 4
        let engine = try ProjectionEngine(directory: ledger.directory, log: ledger.base, projections: [WorkPlanProjection(), EldercareProjection()],
                                          folds: [], upcasters: nil)
        let running = Task { try await engine.run() }
        defer { running.cancel() }
        var last: UInt64 = 0
        for (index, day) in ["2026-02-10", "2026-03-15", "2026-08-01"].enumerated() {
            let id = "AR-330481001-2026-000\(index)"
            last = try await ledger.store.append([event("eldercare.RenovationAccepted", ["renovationId": .string(id), "town": "330481001", "acceptedDate": .string(day),
                                                                                        "result": "passed", "finalCostFen": 250_000, "subsidyFen": 250_000])],
                                                 to: try StreamName("renovation-\(id)")).lastPosition
        }
        // One person admitted unidentified on 2026-01-05, never identified or settled.
        last = try await ledger.store.append([event("rescue.PersonAdmitted", ["rescueCaseId": "RS-330481-2026-00001", "stationCounty": "330481", "admittedDate": "2026-01-05",
                                                                             "identified": false, "person": [:], "referredBy": "police"])],
                                             to: try StreamName("rescue-RS-330481-2026-00001")).lastPosition
        try await engine.waitUntil("work-plan", reached: last, timeout: .seconds(120))
        let dashboard = WorkPlanDashboard(settings: settings)
        let scan: (String) async throws -> [ProjectionEntry] = { prefix in try await engine.page("work-plan", prefix: prefix, after: nil, limit: 10_000).entries }

        func target(_ id: String, asOf day: String) async throws -> JSONValue? {
            try await dashboard.compute(asOf: CalendarDay(day)!, scan: scan)["targets"]?.arrayValue?.first { $0["target"]?.stringValue == id }
        }
        // By 31 March two of four renovations are done: 50 % with a quarter of the year gone, on track.
        let march = try await target("renovations", asOf: "2026-03-31")
        #expect(march?["value"] == 2)
        #expect(march?["percentDone"] == 50)
        #expect(march?["onTrack"] == true)
        // By 30 November three of four: 75 % with 11/12 gone, behind.
        let november = try await target("renovations", asOf: "2026-11-30")
        #expect(november?["value"] == 3)
        #expect(november?["onTrack"] == false)
        // The unidentified person counts once held more than 3 months (from 2026-04-06).
        #expect(try await target("unidentified-over-limit", asOf: "2026-04-05")?["value"] == 0)
        #expect(try await target("unidentified-over-limit", asOf: "2026-04-06")?["value"] == 1)
    }
}
