import Testing
@testable import CivilAffairs

@Suite struct CalendarDayTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "2026-01-32", "２０２６-01-01", ""])
    func refusesWhatIsNotADay(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func roundTripsEveryDayOfFourHundredYears() {
        // One full Gregorian cycle, so every leap rule is crossed.
        let start = CalendarDay("1900-01-01")!
        var previous = start
        for offset in 1..<146_097 {
            let day = start.adding(days: offset)
            #expect(day.dayNumber == start.dayNumber + offset)
            #expect(CalendarDay(day.description) == day)
            #expect(previous < day)
            previous = day
        }
    }

    @Test func knowsLeapYearsAndWeekdays() {
        #expect(CalendarDay("2024-02-29") != nil)
        #expect(CalendarDay("2100-02-29") == nil)
        #expect(CalendarDay("2000-02-29") != nil)
        #expect(CalendarDay("1970-01-01")!.weekday == 4)   // a Thursday
        #expect(CalendarDay("2026-11-29")!.weekday == 7)   // a Sunday
        #expect(CalendarDay("1969-12-31")!.weekday == 3)
    }

    @Test func addsMonthsClampingToTheLastDay() {
        #expect(CalendarDay("2026-01-31")!.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDay("2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDay("2026-11-15")!.adding(months: 3).description == "2027-02-15")
        #expect(CalendarDay("2026-12-31")!.firstDayOfNextMonth.description == "2027-01-01")
        #expect(CalendarDay("2026-03-01")!.adding(months: -1).description == "2026-02-01")
    }

    @Test func countsDays() {
        #expect(CalendarDay("2026-01-01")!.days(until: CalendarDay("2026-12-31")!) == 364)
        #expect(CalendarDay("2026-03-01")!.days(until: CalendarDay("2026-02-28")!) == -1)
    }
}
