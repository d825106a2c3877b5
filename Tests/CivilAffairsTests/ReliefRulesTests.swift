import JSON
import Testing
@testable import CivilAffairs

/// A relief case walked through the rules step by step, as the service would.
struct ReliefWalk {
    var settings = CivilAffairsSettings()
    var today = CalendarDay("2026-12-31")!
    var current = ReliefCase()

    static func payload(_ fields: [String: JSONValue]) -> JSONValue {
        var object: [(String, JSONValue)] = [("caseId", "SA-330481001-2026-00001"), ("town", "330481001"), ("reliefKind", "dibao")]
        object += fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var result = JSONObject()
        for (key, value) in object { result[key] = value }
        return .object(result)
    }

    /// The rules' violations for this event; nothing changes.
    func broken(_ type: String, _ fields: [String: JSONValue]) -> [String] {
        ReliefRules(settings: settings).check(type: type, payload: Self.payload(fields), case: current, today: today).map(\.rule)
    }

    /// Appends the event when the rules admit it; records an issue otherwise.
    mutating func append(_ type: String, _ fields: [String: JSONValue], sourceLocation: SourceLocation = #_sourceLocation) {
        let violations = ReliefRules(settings: settings).check(type: type, payload: Self.payload(fields), case: current, today: today)
        #expect(violations.isEmpty, "\(type): \(violations)", sourceLocation: sourceLocation)
        current = current.applying(type: type, payload: Self.payload(fields), settings: settings)
    }

    /// Received on 03-02, checked, surveyed, approved, noticed from 03-20 for 7 days (to 03-26).
    mutating func throughNotice(relative: Bool = false) {
        append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": .bool(relative)])
        append("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
        append("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": relative ? "county" : "township"])
        append("assistance.PreliminaryOpinionGiven", ["opinionDate": "2026-03-18", "opinion": "approve"])
        append("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-20", "noticeDays": 7, "dayCounting": "calendar", "round": 1])
    }
}

@Suite struct ReliefRulesTests {
    @Test func theWholeLifeOfACase() {
        var walk = ReliefWalk()
        walk.throughNotice()
        walk.append("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27", "paymentSchedule": "monthly"])
        walk.append("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-10"])
        walk.append("assistance.ReliefSuspended", ["suspendedDate": "2026-05-02", "fromMonth": "2026-05"])
        walk.append("assistance.ReliefResumed", ["resumedDate": "2026-06-01", "fromMonth": "2026-06"])
        walk.append("assistance.ReliefPaid", ["month": "2026-06", "paidDate": "2026-06-10"])
        walk.append("assistance.RecheckCompleted", ["recheckDate": "2026-09-01"])
        walk.append("assistance.ReliefTerminated", ["terminatedDate": "2026-10-20", "fromMonth": "2026-11"])
        #expect(walk.current.step == .terminated)
        #expect(walk.current.paidMonths == [CalendarMonth("2026-04")!, CalendarMonth("2026-06")!])
    }

    @Test func stepsHappenInTheirOrder() {
        var walk = ReliefWalk()
        #expect(walk.broken("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"]) == ["assistance.step-out-of-order"])
        walk.append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
        #expect(walk.broken("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"]) == ["assistance.step-out-of-order"])
        #expect(walk.broken("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-20", "noticeDays": 7, "dayCounting": "calendar", "round": 1]) == ["assistance.step-out-of-order"])
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27"]) == ["assistance.step-out-of-order"])
        #expect(walk.broken("assistance.ApplicationReceived", ["receiptDate": "2026-03-02"]) == ["assistance.case-exists"])
        walk.append("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
        walk.append("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"])
        #expect(walk.broken("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-13"]) == ["assistance.step-already-passed"])
    }

    @Test func confirmationWaitsForTheNoticeToRunItsDays() {
        var walk = ReliefWalk()
        walk.throughNotice()
        // The notice from 03-20 for 7 days runs to 03-26.
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-26"]) == ["assistance.notice-still-running"])
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27"]).isEmpty)
    }

    @Test func aNoticeRunsAtLeastTheConfiguredDays() {
        var short = ReliefWalk()
        short.append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
        short.append("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
        short.append("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"])
        short.append("assistance.PreliminaryOpinionGiven", ["opinionDate": "2026-03-18", "opinion": "approve"])
        let notice: (Int, String) -> [String: JSONValue] = { days, counting in
            ["noticeStartDate": "2026-03-20", "noticeDays": .number(JSONNumber(days)), "dayCounting": .string(counting), "round": 1]
        }
        // 7 calendar days, or 5 working days where a locality counts working days.
        #expect(short.broken("assistance.PublicNoticePosted", notice(6, "calendar")) == ["assistance.notice-too-short"])
        #expect(short.broken("assistance.PublicNoticePosted", notice(7, "calendar")).isEmpty)
        #expect(short.broken("assistance.PublicNoticePosted", notice(4, "working")) == ["assistance.notice-too-short"])
        #expect(short.broken("assistance.PublicNoticePosted", notice(5, "working")).isEmpty)
        short.settings.publicNoticeDays = 10
        #expect(short.broken("assistance.PublicNoticePosted", notice(7, "calendar")) == ["assistance.notice-too-short"])
        // Five working days from Friday 03-20 run to Thursday 03-26: confirmation from Friday 03-27.
        short.append("assistance.PublicNoticePosted", notice(5, "working"))
        #expect(short.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-26"]) == ["assistance.notice-still-running"])
        #expect(short.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27"]).isEmpty)
    }

    @Test func objectionsAreResolvedAndMayRequireAFreshNotice() {
        var walk = ReliefWalk()
        walk.throughNotice()
        walk.append("assistance.ObjectionRaised", ["objectionNumber": 1, "raisedDate": "2026-03-22", "raisedBy": "villager"])
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27"]) == ["assistance.objection-unresolved"])
        #expect(walk.broken("assistance.ObjectionRaised", ["objectionNumber": 1, "raisedDate": "2026-03-23"]) == ["assistance.objection-number-used"])
        #expect(walk.broken("assistance.ObjectionResolved", ["objectionNumber": 2, "resolvedDate": "2026-03-25"]) == ["assistance.no-such-objection"])
        walk.append("assistance.ObjectionResolved", ["objectionNumber": 1, "resolvedDate": "2026-03-30", "method": "re-investigation", "outcome": "dismissed", "requiresNewNotice": true])
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-31"]) == ["assistance.fresh-notice-required"])
        #expect(walk.broken("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-30", "noticeDays": 7, "dayCounting": "calendar", "round": 2]) == ["assistance.notice-before-resolution"])
        #expect(walk.broken("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-31", "noticeDays": 7, "dayCounting": "calendar", "round": 3]) == ["assistance.notice-round"])
        walk.append("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-31", "noticeDays": 7, "dayCounting": "calendar", "round": 2])
        #expect(walk.broken("assistance.ReliefConfirmed", ["confirmedDate": "2026-04-06"]) == ["assistance.notice-still-running"])
        walk.append("assistance.ReliefConfirmed", ["confirmedDate": "2026-04-07", "paymentSchedule": "monthly"])
        #expect(walk.broken("assistance.PublicNoticePosted", ["noticeStartDate": "2026-04-08", "noticeDays": 7, "dayCounting": "calendar", "round": 3]) == ["assistance.step-already-passed"])
    }

    @Test func refusalsCarryReasonsDeliveredInTime() {
        var walk = ReliefWalk()
        walk.append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
        walk.append("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
        walk.append("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"])
        walk.append("assistance.PreliminaryOpinionGiven", ["opinionDate": "2026-03-18", "opinion": "refuse", "reasons": ["income-above-standard"]])
        #expect(walk.broken("assistance.PublicNoticePosted", ["noticeStartDate": "2026-03-20", "noticeDays": 7, "dayCounting": "calendar", "round": 1]) == ["assistance.notice-after-refusing-opinion"])
        // Refused Friday 03-20: three working days run to Wednesday 03-25.
        #expect(walk.broken("assistance.ReliefRefused", ["refusedDate": "2026-03-20", "stage": "preliminary", "reasons": [], "noticeDeliveredDate": "2026-03-25"]) == ["assistance.refusal-without-reasons"])
        #expect(walk.broken("assistance.ReliefRefused", ["refusedDate": "2026-03-20", "stage": "preliminary", "reasons": ["income-above-standard"], "noticeDeliveredDate": "2026-03-26"]) == ["assistance.refusal-notice-late"])
        walk.append("assistance.ReliefRefused", ["refusedDate": "2026-03-20", "stage": "preliminary", "reasons": ["income-above-standard"], "noticeDeliveredDate": "2026-03-25"])
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-10"]) == ["assistance.payment-before-confirmation"])
    }

    @Test func paymentsFromTheMonthAfterConfirmationNeverAfterTermination() {
        var walk = ReliefWalk()
        walk.throughNotice()
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-10"]) == ["assistance.payment-before-confirmation"])
        walk.append("assistance.ReliefConfirmed", ["confirmedDate": "2026-03-27", "paymentSchedule": "monthly"])
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-03", "paidDate": "2026-03-30"]) == ["assistance.payment-before-first-month"])
        walk.append("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-10"])
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-11"]) == ["assistance.month-already-paid"])
        walk.append("assistance.ReliefSuspended", ["suspendedDate": "2026-05-02", "fromMonth": "2026-05"])
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-05", "paidDate": "2026-05-10"]) == ["assistance.payment-while-suspended"])
        #expect(walk.broken("assistance.ReliefSuspended", ["suspendedDate": "2026-05-03", "fromMonth": "2026-05"]) == ["assistance.already-suspended"])
        walk.append("assistance.ReliefResumed", ["resumedDate": "2026-06-01", "fromMonth": "2026-06"])
        walk.append("assistance.ReliefTerminated", ["terminatedDate": "2026-06-20", "fromMonth": "2026-07"])
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-07", "paidDate": "2026-07-10"]) == ["assistance.payment-after-termination"])
        // A month before the termination took effect may still be paid late.
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-06", "paidDate": "2026-07-10"]).isEmpty)
    }

    @Test func relativesOfStaffAreSurveyedByTheCounty() {
        var walk = ReliefWalk()
        walk.append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": true])
        walk.append("assistance.EconomicCheckCompleted", ["reportDate": "2026-03-09"])
        #expect(walk.broken("assistance.HomeSurveyCompleted", ["surveyDate": "2026-03-12", "conductedBy": "township"]) == ["assistance.relative-needs-county-survey"])
        var county = ReliefWalk()
        county.throughNotice(relative: true)
        #expect(county.current.surveyedByCounty)
    }

    @Test func urgentReliefFirstWithinTheTownshipCap() {
        var walk = ReliefWalk()
        #expect(walk.broken("assistance.UrgentReliefGranted", ["grantDate": "2026-03-01", "amountFen": 60_000, "approvedBy": "township", "paperworkDueDate": "2026-03-15"]) == ["assistance.urgent-over-township-cap"])
        #expect(walk.broken("assistance.UrgentReliefGranted", ["grantDate": "2026-03-01", "amountFen": 60_000, "approvedBy": "county", "paperworkDueDate": "2026-03-15"]).isEmpty)
        walk.append("assistance.UrgentReliefGranted", ["grantDate": "2026-03-01", "amountFen": 50_000, "approvedBy": "township", "paperworkDueDate": "2026-03-15"])
        // The paperwork follows: the application is received after the help.
        walk.append("assistance.ApplicationReceived", ["receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
        #expect(walk.current.urgentGranted == CalendarDay("2026-03-01"))
        #expect(walk.current.paperworkDue == CalendarDay("2026-03-15"))
    }

    @Test func businessDatesAreNotInTheFuture() {
        var walk = ReliefWalk()
        walk.today = CalendarDay("2026-03-01")!
        #expect(walk.broken("assistance.ApplicationReceived", ["receiptDate": "2026-03-02"]).isEmpty)
        #expect(walk.broken("assistance.ApplicationReceived", ["receiptDate": "2026-03-03"]) == ["business-date-in-future"])
        #expect(walk.broken("assistance.ApplicationReceived", ["receiptDate": "03/03/2026"]) == ["business-date"])
    }
}

@Suite struct UrgentReliefTests {
    @Test func theUrgentReliefIsPaidOnceBeforeItsPaperwork() {
        var walk = ReliefWalk()
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-03", "paidDate": "2026-03-01"]) == ["assistance.payment-before-confirmation"])
        walk.append("assistance.UrgentReliefGranted", ["grantDate": "2026-03-01", "amountFen": 40_000, "approvedBy": "township", "paperworkDueDate": "2026-03-15"])
        walk.append("assistance.ReliefPaid", ["month": "2026-03", "paidDate": "2026-03-01"])
        #expect(walk.current.urgentPaid)
        #expect(walk.broken("assistance.ReliefPaid", ["month": "2026-04", "paidDate": "2026-04-01"]) == ["assistance.urgent-already-paid"])
    }
}
