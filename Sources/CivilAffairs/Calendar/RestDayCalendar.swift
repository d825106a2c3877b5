/// Which days the offices are closed, so a deadline that falls on one moves to the next working day.
///
/// China's official calendar moves days: public holidays are rest days and some weekends are
/// make-up working days (调休). Weekends alone are only the default; a locality loads its year's
/// holidays and make-up days from configuration.
public struct RestDayCalendar: Sendable, Equatable, Codable {
    /// Extra rest days (public holidays falling on weekdays).
    public var holidays: Set<CalendarDay>
    /// Weekend days that are working days (make-up days).
    public var workingWeekends: Set<CalendarDay>
    /// ISO weekdays that are rest days unless made working days (default Saturday and Sunday).
    public var restWeekdays: Set<Int>

    public init(holidays: Set<CalendarDay> = [], workingWeekends: Set<CalendarDay> = [], restWeekdays: Set<Int> = [6, 7]) {
        self.holidays = holidays
        self.workingWeekends = workingWeekends
        self.restWeekdays = restWeekdays
    }

    /// Weekends only.
    public static let weekendsOnly = RestDayCalendar()

    public func isRestDay(_ day: CalendarDay) -> Bool {
        if holidays.contains(day) { return true }
        if workingWeekends.contains(day) { return false }
        return restWeekdays.contains(day.weekday)
    }

    /// `day` itself when it is a working day, else the first working day after it.
    public func workingDay(onOrAfter day: CalendarDay) -> CalendarDay {
        var candidate = day
        // A calendar that rests every day would loop forever; a year of rest is a configuration error.
        for _ in 0..<366 where isRestDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The day `count` working days after `day` (day 1 is the first working day after it).
    public func adding(workingDays count: Int, to day: CalendarDay) -> CalendarDay {
        var candidate = day
        var remaining = count
        while remaining > 0 {
            candidate = candidate.adding(days: 1)
            if !isRestDay(candidate) { remaining -= 1 }
        }
        return candidate
    }
}
