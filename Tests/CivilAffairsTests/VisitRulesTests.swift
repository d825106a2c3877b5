import JSON
import Testing
@testable import CivilAffairs

@Suite struct VisitRulesTests {
    let settings = CivilAffairsSettings()
    let today = CalendarDay("2026-06-30")!

    func event(_ fields: [String: JSONValue]) -> JSONValue {
        var object = JSONObject()
        object["householdId"] = "HH-330481001001-0001"
        object["town"] = "330481001"
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) { object[key] = value }
        return .object(object)
    }

    func household(_ colour: String, set day: String, visits: [String] = [], majorChangeAt: String? = nil) -> Household {
        var fields: [String: JSONValue] = ["level": .string(colour), "setDate": .string(day)]
        if let majorChangeAt { fields["majorChangeAt"] = .string(majorChangeAt) }
        var household = Household().applying(type: "assistance.WarningLevelSet", payload: event(fields))
        for visit in visits { household = household.applying(type: "assistance.HomeVisitRecorded", payload: event(["visitDate": .string(visit)])) }
        return household
    }

    func broken(_ type: String, _ fields: [String: JSONValue], _ household: Household) -> [String] {
        VisitRules(settings: settings).check(type: type, payload: event(fields), household: household, today: today).map(\.rule)
    }

    @Test func overdueIsJudgedByTheColoursInterval() {
        // Red: weekly. Last visit Monday 06-01: due by 06-08, overdue from 06-09.
        let red = household("red", set: "2026-05-20", visits: ["2026-06-01"])
        #expect(red.nextVisitDue(settings: settings) == CalendarDay("2026-06-08"))
        #expect(!red.isOverdue(on: CalendarDay("2026-06-08")!, settings: settings))
        #expect(red.isOverdue(on: CalendarDay("2026-06-09")!, settings: settings))
        // Orange: monthly; yellow: quarterly; counted from the warning when nobody has visited yet.
        let orange = household("orange", set: "2026-01-31")
        #expect(orange.nextVisitDue(settings: settings) == CalendarDay("2026-02-28"))
        #expect(orange.isOverdue(on: CalendarDay("2026-03-01")!, settings: settings))
        let yellow = household("yellow", set: "2026-01-15", visits: ["2026-03-10"])
        #expect(yellow.nextVisitDue(settings: settings) == CalendarDay("2026-06-10"))
        #expect(!yellow.isOverdue(on: CalendarDay("2026-06-10")!, settings: settings))
        #expect(yellow.isOverdue(on: CalendarDay("2026-06-11")!, settings: settings))
    }

    @Test func aMajorChangeBringsARedVisitForward() {
        let red = household("red", set: "2026-06-01", visits: ["2026-06-01"], majorChangeAt: "2026-06-03T09:00:00+08:00")
        #expect(red.nextVisitDue(settings: settings) == CalendarDay("2026-06-04"))
        let visited = red.applying(type: "assistance.HomeVisitRecorded", payload: event(["visitDate": "2026-06-03"]))
        #expect(visited.nextVisitDue(settings: settings) == CalendarDay("2026-06-10"))
    }

    @Test func intervalsAreConfigurable() {
        var settings = CivilAffairsSettings()
        settings.visitIntervalRedDays = 3
        #expect(household("red", set: "2026-06-01").nextVisitDue(settings: settings) == CalendarDay("2026-06-04"))
    }

    @Test func visitsAreToFollowedHouseholdsAndNotInTheFuture() {
        let followed = household("orange", set: "2026-06-01")
        #expect(broken("assistance.HomeVisitRecorded", ["visitDate": "2026-06-30"], followed).isEmpty)
        #expect(broken("assistance.HomeVisitRecorded", ["visitDate": "2026-07-01"], followed) == ["visits.visit-in-future"])
        #expect(broken("assistance.HomeVisitRecorded", ["visitDate": "2026-05-30"], followed) == ["visits.visit-before-warning"])
        #expect(broken("assistance.HomeVisitRecorded", ["visitDate": "2026-06-10"], Household()) == ["visits.household-not-followed"])
        let cleared = followed.applying(type: "assistance.WarningCleared", payload: event(["clearedDate": "2026-06-20"]))
        #expect(broken("assistance.HomeVisitRecorded", ["visitDate": "2026-06-25"], cleared) == ["visits.household-not-followed"])
        #expect(cleared.nextVisitDue(settings: settings) == nil)
        #expect(!cleared.isOverdue(on: CalendarDay("2026-12-31")!, settings: settings))
    }
}
