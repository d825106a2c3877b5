/// The calendar of a divorce application (Civil Code art. 1077): a 30-day cooling-off period in
/// which either party may withdraw, then 30 days in which both must return to the same office
/// to register; after that the application lapses.
///
/// Counting starts the day after the receipt, so day 30 is the receipt day + 30 and day 60 the
/// receipt day + 60. A period's last day that falls on a rest day moves to the next working day;
/// both are counted from the receipt, so moving the first does not move the second.
public struct DivorceWindows: Sendable, Equatable {
    /// The day the office received the application.
    public let received: CalendarDay
    /// The last day on which either party may withdraw.
    public let coolingOffEnds: CalendarDay
    /// The first day on which the divorce may be registered.
    public let registrationOpens: CalendarDay
    /// The last day on which the divorce may be registered; the day after, it has lapsed.
    public let registrationCloses: CalendarDay

    public init(received: CalendarDay, coolingOffDays: Int = 30, registrationDays: Int = 30,
                calendar: RestDayCalendar = .weekendsOnly) {
        self.received = received
        coolingOffEnds = calendar.workingDay(onOrAfter: received.adding(days: coolingOffDays))
        registrationOpens = coolingOffEnds.adding(days: 1)
        registrationCloses = max(calendar.workingDay(onOrAfter: received.adding(days: coolingOffDays + registrationDays)), registrationOpens)
    }

    /// Where `day` falls in the application's life.
    public func phase(on day: CalendarDay) -> Phase {
        if day <= received { return day == received ? .coolingOff : .beforeReceipt }
        if day <= coolingOffEnds { return .coolingOff }
        if day <= registrationCloses { return .registration }
        return .lapsed
    }

    public enum Phase: String, Sendable {
        case beforeReceipt = "before-receipt"
        case coolingOff = "cooling-off"
        case registration
        case lapsed
    }
}
