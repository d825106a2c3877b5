import Testing
@testable import CivilAffairs

/// The calendar edges of a divorce application: counting starts the day after the receipt.
@Suite struct DivorceWindowsTests {
    // Received on Monday 2026-03-02: day 30 is Wednesday 2026-04-01, day 60 Friday 2026-05-01.
    let received = CalendarDay("2026-03-02")!

    @Test func dayThirtyThirtyOneSixtyAndSixtyOne() {
        let windows = DivorceWindows(received: received)
        #expect(windows.coolingOffEnds.description == "2026-04-01")
        #expect(windows.phase(on: received) == .coolingOff)
        #expect(windows.phase(on: received.adding(days: 30)) == .coolingOff)     // day 30: may still withdraw
        #expect(windows.phase(on: received.adding(days: 31)) == .registration)   // day 31: may register
        #expect(windows.phase(on: received.adding(days: 60)) == .registration)   // day 60: last day
        #expect(windows.phase(on: received.adding(days: 61)) == .lapsed)         // day 61: lapsed
        #expect(windows.phase(on: received.adding(days: -1)) == .beforeReceipt)
    }

    @Test func aDeadlineOnARestDayMovesToTheNextWorkingDay() {
        // Received Thursday 2026-04-02: day 30 is Saturday 2026-05-02, a rest day → Monday 05-04.
        let windows = DivorceWindows(received: CalendarDay("2026-04-02")!)
        #expect(windows.coolingOffEnds.description == "2026-05-04")
        #expect(windows.registrationOpens.description == "2026-05-05")
        // Day 60 is counted from the receipt too: Monday 06-01, a working day, not moved by the first deadline.
        #expect(windows.registrationCloses.description == "2026-06-01")
        // Received Wednesday 2026-04-01: day 60 is Sunday 05-31, a rest day → Monday 06-01.
        #expect(DivorceWindows(received: CalendarDay("2026-04-01")!).registrationCloses.description == "2026-06-01")
    }

    @Test func theCalendarOfRestDaysIsConfigurable() {
        // Make Wednesday 2026-04-01 (day 30 of the first application) a holiday: the end moves to Thursday.
        let calendar = RestDayCalendar(holidays: [CalendarDay("2026-04-01")!])
        let windows = DivorceWindows(received: received, calendar: calendar)
        #expect(windows.coolingOffEnds.description == "2026-04-02")
        #expect(windows.phase(on: CalendarDay("2026-04-02")!) == .coolingOff)
        // And a make-up working Saturday keeps a deadline where it falls.
        let saturday = DivorceWindows(received: CalendarDay("2026-04-02")!,
                                      calendar: RestDayCalendar(workingWeekends: [CalendarDay("2026-05-02")!]))
        #expect(saturday.coolingOffEnds.description == "2026-05-02")
    }

    @Test func periodsAreConfigurable() {
        let windows = DivorceWindows(received: received, coolingOffDays: 10, registrationDays: 5)
        #expect(windows.coolingOffEnds.description == "2026-03-12")
        #expect(windows.registrationCloses.description == "2026-03-17")
    }
}
