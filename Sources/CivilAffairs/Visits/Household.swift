import JSON

/// A household in difficulty as folded from its `household-<householdId>` stream: its warning
/// colour, its last visit and when the next one is due.
public struct Household: Sendable, Equatable {
    public internal(set) var colour: WarningColour?
    public internal(set) var warningSet: CalendarDay?
    public internal(set) var lastVisit: CalendarDay?
    public internal(set) var visits = 0
    /// A major change that calls for a red household's visit within the configured hours.
    public internal(set) var majorChange: CalendarDay?
    public internal(set) var cleared: CalendarDay?

    public init() {}

    /// Whether the household is followed (a colour set and not cleared).
    public var isFollowed: Bool { colour != nil && cleared == nil }

    public func applying(type: String, payload: JSONValue) -> Household {
        var next = self
        func day(_ field: String) -> CalendarDay? { payload[field]?.stringValue.flatMap({ CalendarDay($0) }) }
        switch type {
        case "assistance.WarningLevelSet":
            next.colour = payload["level"]?.stringValue.flatMap({ WarningColour(rawValue: $0) })
            next.warningSet = day("setDate")
            next.cleared = nil
            // A date-time's first ten characters are its date.
            next.majorChange = payload["majorChangeAt"]?.stringValue.flatMap({ CalendarDay(String($0.prefix(10))) })
        case "assistance.HomeVisitRecorded":
            if let visit = day("visitDate") {
                next.lastVisit = max(visit, lastVisit ?? visit)
                next.visits += 1
                if let change = majorChange, visit >= change { next.majorChange = nil }
            }
        case "assistance.WarningCleared":
            next.cleared = day("clearedDate")
        default: break
        }
        return next
    }

    /// The last day by which the next visit is due; nil when the household is not followed.
    public func nextVisitDue(settings: CivilAffairsSettings) -> CalendarDay? {
        guard isFollowed, let colour, let since = [lastVisit, warningSet].compactMap({ $0 }).max() else { return nil }
        var due = colour.nextVisitDue(after: since, settings: settings)
        if colour == .red, let change = majorChange {
            // Within the configured hours of a major change, judged in whole days.
            let hours = settings.redMajorChangeVisitHours
            due = min(due, change.adding(days: max(0, (hours + 23) / 24)))
        }
        return due
    }

    /// Whether the visit is overdue on `day`: the due day has passed with no visit.
    public func isOverdue(on day: CalendarDay, settings: CivilAffairsSettings) -> Bool {
        guard let due = nextVisitDue(settings: settings) else { return false }
        return day > due
    }
}
