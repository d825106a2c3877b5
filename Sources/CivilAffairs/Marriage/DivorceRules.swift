import JSON

/// The calendar of a divorce by registration (Civil Code art. 1076–1078): withdrawal only during
/// the cooling-off period, registration only in the 30 days after it and at the office that
/// received the application, a lapse only once that window has closed.
public struct DivorceRules: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    /// Violations of appending `type` with `payload` to an application in state `application`
    /// (nil: the stream holds no receipt yet).
    public func check(type: String, payload: JSONValue, application: DivorceApplication?, today: CalendarDay) -> [RuleViolation] {
        let record = "divorce-" + (payload["applicationId"]?.stringValue ?? "?")
        if type == "marriage.DivorceApplicationReceived" {
            guard application == nil else {
                return [RuleViolation(rule: "marriage.application-exists", record: record, pointer: "/applicationId",
                                      message: "Application \(application!.applicationId) was already received; give a new application id.")]
            }
            return dated("receiptDate", payload, today: today, record: record).violations
        }
        guard let application else {
            return [RuleViolation(rule: "marriage.no-such-application", record: record, pointer: "/applicationId",
                                  message: "No divorce application with this id was received; record its receipt first.")]
        }
        guard application.outcome == .open else {
            return [RuleViolation(rule: "marriage.application-closed", record: record,
                                  message: "Application \(application.applicationId) is already \(application.outcome.rawValue); nothing more can happen to it.")]
        }
        let windows = application.windows
        switch type {
        case "marriage.DivorceApplicationWithdrawn":
            let (day, violations) = dated("withdrawnDate", payload, today: today, record: record)
            guard let day, violations.isEmpty else { return violations }
            if windows.phase(on: day) != .coolingOff {
                return [RuleViolation(rule: "marriage.withdrawal-outside-cooling-off", record: record, pointer: "/withdrawnDate",
                                      message: "A withdrawal is possible from \(windows.received) to \(windows.coolingOffEnds) (the cooling-off period); \(day) is not in it.")]
            }
            return []
        case "marriage.DivorceRegistered", "marriage.DivorceRegistrationRefused":
            // Registration or refusal: both are the examination when the parties return.
            let field = type == "marriage.DivorceRegistered" ? "registrationDate" : "refusalDate"
            let (day, violations) = dated(field, payload, today: today, record: record)
            guard let day, violations.isEmpty else { return violations }
            var found: [RuleViolation] = []
            if windows.phase(on: day) != .registration {
                found.append(RuleViolation(rule: "marriage.registration-outside-window", record: record, pointer: "/" + field,
                                           message: "The divorce may be registered from \(windows.registrationOpens) to \(windows.registrationCloses); \(day) is \(day < windows.registrationOpens ? "still in the cooling-off period" : "after the window closed (the application has lapsed)")."))
            }
            if let office = payload["office"]?.stringValue, office != application.office {
                found.append(RuleViolation(rule: "marriage.registration-at-other-office", record: record, pointer: "/office",
                                           message: "The application was received at office \(application.office); the parties must return to that office, not \(office)."))
            }
            return found
        case "marriage.DivorceApplicationLapsed":
            let (day, violations) = dated("lapsedDate", payload, today: today, record: record)
            guard let day, violations.isEmpty else { return violations }
            var found: [RuleViolation] = []
            if day <= windows.registrationCloses {
                found.append(RuleViolation(rule: "marriage.lapse-before-window-closed", record: record, pointer: "/lapsedDate",
                                           message: "The registration window runs to \(windows.registrationCloses); the application lapses from \(windows.registrationCloses.adding(days: 1)), not \(day)."))
            }
            if let end = payload["windowEndDate"]?.stringValue, end != windows.registrationCloses.description {
                found.append(RuleViolation(rule: "marriage.lapse-window-end", record: record, pointer: "/windowEndDate",
                                           message: "The window's last day is \(windows.registrationCloses), not \(end)."))
            }
            return found
        default:
            return []
        }
    }

    private func dated(_ field: String, _ payload: JSONValue, today: CalendarDay, record: String) -> (day: CalendarDay?, violations: [RuleViolation]) {
        switch BusinessDate.read(field, of: payload, rule: "marriage.\(field)", record: record) {
        case .failure(let violation): return (nil, [violation])
        case .success(let day):
            let future = BusinessDate.notInFuture(day, field: field, today: today, settings: settings, record: record)
            return (day, future.map { [$0] } ?? [])
        }
    }
}
