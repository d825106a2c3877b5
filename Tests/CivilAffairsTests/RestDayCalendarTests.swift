import Testing
@testable import CivilAffairs

@Suite struct RestDayCalendarTests {
    // 2026-10-01 (Thursday) is National Day; 2026-10-10 (Saturday) is, in this test, a make-up working day.
    let calendar = RestDayCalendar(holidays: [CalendarDay("2026-10-01")!, CalendarDay("2026-10-02")!],
                                   workingWeekends: [CalendarDay("2026-10-10")!])

    @Test func weekendsHolidaysAndMakeUpDays() {
        #expect(calendar.isRestDay(CalendarDay("2026-10-01")!))
        #expect(calendar.isRestDay(CalendarDay("2026-10-03")!))
        #expect(!calendar.isRestDay(CalendarDay("2026-10-05")!))
        #expect(!calendar.isRestDay(CalendarDay("2026-10-10")!))
        #expect(RestDayCalendar.weekendsOnly.isRestDay(CalendarDay("2026-10-10")!))
    }

    @Test func movesToTheNextWorkingDay() {
        #expect(calendar.workingDay(onOrAfter: CalendarDay("2026-10-01")!).description == "2026-10-05")
        #expect(calendar.workingDay(onOrAfter: CalendarDay("2026-10-05")!).description == "2026-10-05")
        #expect(calendar.workingDay(onOrAfter: CalendarDay("2026-10-10")!).description == "2026-10-10")
    }

    @Test func countsWorkingDays() {
        // From Wednesday 30 September: Mon 5, Tue 6, Wed 7 are the next three working days.
        #expect(calendar.adding(workingDays: 3, to: CalendarDay("2026-09-30")!).description == "2026-10-07")
        #expect(calendar.adding(workingDays: 0, to: CalendarDay("2026-10-03")!).description == "2026-10-03")
    }
}
