import JSON

/// Reading and judging the business dates of a payload: the day a thing happened, as the clerk
/// wrote it, distinct from the moment the server recorded it.
public enum BusinessDate {
    /// The date at `field` of `payload`, or a violation naming the field.
    public static func read(_ field: String, of payload: JSONValue, rule: String, record: String) -> Result<CalendarDay, RuleViolation> {
        guard let text = payload[field]?.stringValue, let day = CalendarDay(text) else {
            return .failure(RuleViolation(rule: rule, record: record, pointer: "/" + field,
                                          message: "\(field) must be a date (YYYY-MM-DD)."))
        }
        return .success(day)
    }

    /// A violation when `day` lies more than the allowed leeway after `today` (the server's date).
    public static func notInFuture(_ day: CalendarDay, field: String, today: CalendarDay, settings: CivilAffairsSettings,
                                   record: String) -> RuleViolation? {
        let latest = today.adding(days: settings.businessDateLeewayDays)
        guard day > latest else { return nil }
        return RuleViolation(rule: "business-date-in-future", record: record, pointer: "/" + field,
                             message: "\(field) \(day) is after \(latest), more than \(settings.businessDateLeewayDays) day(s) ahead of the server's date \(today); record what has happened, on or before that day.")
    }
}
