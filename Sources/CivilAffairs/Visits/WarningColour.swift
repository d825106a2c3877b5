/// The three-colour warning of a household in difficulty (红橙黄), and how often each is visited.
public enum WarningColour: String, Sendable, CaseIterable, Comparable {
    case red, orange, yellow

    /// The last day the next visit is due, given the day of the last visit (or of the warning).
    public func nextVisitDue(after day: CalendarDay, settings: CivilAffairsSettings) -> CalendarDay {
        switch self {
        case .red: day.adding(days: settings.visitIntervalRedDays)
        case .orange: day.adding(months: settings.visitIntervalOrangeMonths)
        case .yellow: day.adding(months: settings.visitIntervalYellowMonths)
        }
    }

    /// Red is the most urgent.
    public static func < (lhs: WarningColour, rhs: WarningColour) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
