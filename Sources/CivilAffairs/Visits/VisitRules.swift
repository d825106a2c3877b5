import JSON

/// The rules of home visits: a visit is to a followed household, on a day that has happened
/// (not after the server's date beyond the leeway), not before the household was followed.
public struct VisitRules: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func check(type: String, payload: JSONValue, household: Household, today: CalendarDay) -> [RuleViolation] {
        let record = "household-" + (payload["householdId"]?.stringValue ?? "?")
        var context = Context(record: record, payload: payload, today: today, settings: settings)
        switch type {
        case "assistance.WarningLevelSet":
            context.date("setDate")
        case "assistance.HomeVisitRecorded":
            guard let visit = context.date("visitDate") else { break }
            if visit > today {
                // Visits are recorded after they happen: the leeway for other dates does not apply.
                context.fail("visits.visit-in-future", pointer: "/visitDate", "A visit is recorded after it happened; \(visit) is after today (\(today)).")
            }
            if !household.isFollowed {
                context.fail("visits.household-not-followed", pointer: "/householdId",
                             household.cleared != nil ? "The household's warning was cleared on \(household.cleared!); set a warning level again before recording visits."
                                                      : "No warning level is set for this household; record assistance.WarningLevelSet first.")
            } else if let since = household.warningSet, visit < since, household.visits == 0 {
                context.fail("visits.visit-before-warning", pointer: "/visitDate", "The household has been followed since \(since); a visit on \(visit) predates it.")
            }
        case "assistance.WarningCleared":
            context.date("clearedDate")
            if !household.isFollowed { context.fail("visits.household-not-followed", "There is no warning to clear on this household.") }
        default:
            break
        }
        return context.violations
    }
}
