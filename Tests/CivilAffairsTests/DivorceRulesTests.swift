import JSON
import Testing
@testable import CivilAffairs

/// The divorce calendar edges, counted from the day after the receipt.
@Suite struct DivorceRulesTests {
    let settings = CivilAffairsSettings()
    var rules: DivorceRules { DivorceRules(settings: settings) }
    let today = CalendarDay("2026-12-31")!
    // Received Monday 2026-03-02: day 30 = 2026-04-01, day 31 = 04-02, day 60 = 05-01, day 61 = 05-02.
    let receipt: JSONValue = ["applicationId": "DA330481-2026-000001", "office": "330481", "receiptDate": "2026-03-02",
                              "marriageCertificateNumber": "J330481-2020-000001"]
    var application: DivorceApplication { DivorceApplication(received: receipt, settings: settings)! }

    func broken(_ type: String, _ payload: JSONValue, _ application: DivorceApplication?) -> [String] {
        rules.check(type: type, payload: payload, application: application, today: today).map(\.rule)
    }

    func withdrawal(on day: String) -> JSONValue {
        ["applicationId": "DA330481-2026-000001", "office": "330481", "withdrawnDate": .string(day), "withdrawnBy": "partyA"]
    }

    func registration(on day: String, office: String = "330481") -> JSONValue {
        ["applicationId": "DA330481-2026-000001", "office": .string(office), "registrationDate": .string(day)]
    }

    @Test func withdrawalUpToDayThirty() {
        #expect(broken("marriage.DivorceApplicationWithdrawn", withdrawal(on: "2026-04-01"), application).isEmpty)
        #expect(broken("marriage.DivorceApplicationWithdrawn", withdrawal(on: "2026-04-02"), application) == ["marriage.withdrawal-outside-cooling-off"])
    }

    @Test func registrationFromDayThirtyOneToDaySixty() {
        let type = "marriage.DivorceRegistered"
        #expect(broken(type, registration(on: "2026-04-01"), application) == ["marriage.registration-outside-window"])
        #expect(broken(type, registration(on: "2026-04-02"), application).isEmpty)
        #expect(broken(type, registration(on: "2026-05-01"), application).isEmpty)
        #expect(broken(type, registration(on: "2026-05-02"), application) == ["marriage.registration-outside-window"])
        #expect(broken(type, registration(on: "2026-04-10", office: "330482"), application) == ["marriage.registration-at-other-office"])
    }

    @Test func aLapseOnlyAfterTheWindowClosed() {
        let lapse: (String, String) -> JSONValue = { day, end in
            ["applicationId": "DA330481-2026-000001", "office": "330481", "lapsedDate": .string(day), "windowEndDate": .string(end), "reason": "not-returned-in-time"]
        }
        #expect(broken("marriage.DivorceApplicationLapsed", lapse("2026-05-01", "2026-05-01"), application) == ["marriage.lapse-before-window-closed"])
        #expect(broken("marriage.DivorceApplicationLapsed", lapse("2026-05-02", "2026-05-01"), application).isEmpty)
        #expect(broken("marriage.DivorceApplicationLapsed", lapse("2026-05-02", "2026-04-30"), application) == ["marriage.lapse-window-end"])
    }

    @Test func aDeadlineOnARestDayMovesToTheNextWorkingDay() throws {
        // Received Thursday 2026-04-02: day 30 is Saturday 05-02 → Monday 05-04 is still cooling-off.
        let late: JSONValue = ["applicationId": "DA330481-2026-000002", "office": "330481", "receiptDate": "2026-04-02",
                               "marriageCertificateNumber": "J330481-2020-000002"]
        let application = try #require(DivorceApplication(received: late, settings: settings))
        let withdrawal: JSONValue = ["applicationId": "DA330481-2026-000002", "office": "330481", "withdrawnDate": "2026-05-04", "withdrawnBy": "both"]
        #expect(broken("marriage.DivorceApplicationWithdrawn", withdrawal, application).isEmpty)
        let early: JSONValue = ["applicationId": "DA330481-2026-000002", "office": "330481", "registrationDate": "2026-05-04"]
        #expect(broken("marriage.DivorceRegistered", early, application) == ["marriage.registration-outside-window"])
    }

    @Test func aClosedApplicationTakesNothingMore() {
        let withdrawn = application.applying(type: "marriage.DivorceApplicationWithdrawn")
        #expect(broken("marriage.DivorceRegistered", registration(on: "2026-04-10"), withdrawn) == ["marriage.application-closed"])
        #expect(broken("marriage.DivorceRegistered", registration(on: "2026-04-10"), nil) == ["marriage.no-such-application"])
        #expect(broken("marriage.DivorceApplicationReceived", receipt, application) == ["marriage.application-exists"])
        #expect(broken("marriage.DivorceApplicationReceived", receipt, nil).isEmpty)
    }
}
