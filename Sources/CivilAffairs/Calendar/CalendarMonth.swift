/// A month of the calendar (`2026-03`): what relief payments are for.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        (self.year, self.month) = (year, month)
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        guard let day = CalendarDay(text + "-01"), text.utf8.count == 7 else { return nil }
        (year, month) = (day.year, day.month)
    }

    /// The month a day falls in.
    public init(_ day: CalendarDay) { (year, month) = (day.year, day.month) }

    public var next: CalendarMonth { CalendarMonth(CalendarDay(year: year, month: month, day: 1)!.adding(months: 1)) }

    public var description: String { CalendarDay(year: year, month: month, day: 1)!.description.prefix(7).description }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}
