import EventLog
import Foundation
import JSON
import Testing
@testable import CivilAffairs

/// The lapses the service records: only open applications whose window closed before today, each
/// once, and each an event the rules accept.
@Suite struct DivorceLapseTests {
    let settings = CivilAffairsSettings()
    // Received Monday 2026-03-02: the window closes on day 60, Friday 2026-05-01.
    let receipt: JSONValue = ["applicationId": "DA330481-2026-000001", "office": "330481", "receiptDate": "2026-03-02",
                              "marriageCertificateNumber": "J330481-2020-000001"]
    var application: DivorceApplication { DivorceApplication(received: receipt, settings: settings)! }
    /// The application as the `marriage` read model keeps it.
    var view: JSONValue { DivorceView.encode(application, position: 7) }

    func payload(_ append: StreamAppend) throws -> JSONValue {
        try JSONValue(parsing: try #require(append.events.first).payload)
    }

    @Test func onlyOnceTheWindowHasClosed() throws {
        #expect(DivorceLapse.due([view], today: CalendarDay("2026-05-01")!).isEmpty, "day 60 is the window's last day")
        let due = DivorceLapse.due([view], today: CalendarDay("2026-05-02")!)
        #expect(due.map(\.stream.rawValue) == ["divorce-DA330481-2026-000001"])
        let lapse = try payload(due[0])
        #expect(lapse["lapsedDate"]?.stringValue == "2026-05-02")
        #expect(lapse["windowEndDate"]?.stringValue == "2026-05-01")
        #expect(lapse["reason"]?.stringValue == "not-returned-in-time")
        #expect(String(decoding: due[0].events[0].metadata, as: UTF8.self) == #"{"actor":"service:divorce-lapses"}"#)
        // The rules accept what the service records, on that day and later.
        let rules = DivorceRules(settings: settings)
        #expect(rules.check(type: "marriage.DivorceApplicationLapsed", payload: lapse, application: application, today: CalendarDay("2026-05-02")!).isEmpty)
    }

    @Test func closedApplicationsAreLeftAlone() {
        let later = CalendarDay("2026-12-01")!
        for outcome in ["withdrawn", "lapsed", "registered", "refused"] {
            var object = view.objectValue!
            object["outcome"] = .string(outcome)
            #expect(DivorceLapse.due([.object(object)], today: later).isEmpty, "\(outcome)")
        }
    }

    @Test func theSameLapseHasTheSameIdOnEveryPass() {
        let first = DivorceLapse.due([view], today: CalendarDay("2026-05-02")!)
        let second = DivorceLapse.due([view], today: CalendarDay("2026-05-02")!)
        #expect(first[0].events[0].id == second[0].events[0].id)
        #expect(first[0].events[0].id == DivorceLapse.eventID(applicationId: "DA330481-2026-000001"))
        #expect(DivorceLapse.eventID(applicationId: "DA330481-2026-000002") != first[0].events[0].id)
        // Version 8 (RFC 9562), variant 10.
        #expect(first[0].events[0].id.uuidString.lowercased().dropFirst(14).first == "8")
    }
}
