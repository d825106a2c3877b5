import Foundation

extension CalendarDay {
    /// Today in the bureau's time zone (China Standard Time, UTC+8, no daylight saving).
    public static func today(now: Date = Date(), utcOffsetSeconds: Int = 8 * 3600) -> CalendarDay {
        CalendarDay(dayNumber: Int(floor((now.timeIntervalSince1970 + Double(utcOffsetSeconds)) / 86_400)))
    }
}
