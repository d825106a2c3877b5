import JSON

/// The rules a relief case's next event must satisfy: the steps in their order; a notice of the
/// configured length; confirmation only once the latest notice has run its days with every
/// objection resolved (and a fresh notice after any that asked for one); refusals with reasons
/// delivered in time; payments only for confirmed cases, from the month after confirmation,
/// never while suspended or after termination; urgent relief within the township's cap; the
/// relatives of staff surveyed by the county.
public struct ReliefRules: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    /// Every violation of appending `type` with `payload` to a case in state `current`.
    public func check(type: String, payload: JSONValue, case current: ReliefCase, today: CalendarDay) -> [RuleViolation] {
        let record = "reliefcase-" + (payload["caseId"]?.stringValue ?? "?")
        var context = Context(record: record, payload: payload, today: today, settings: settings)
        switch type {
        case "assistance.ApplicationReceived":
            context.date("receiptDate")
            if current.step != .notReceived {
                context.fail("assistance.case-exists", pointer: "/caseId", "Case \(payload["caseId"]?.stringValue ?? "") was already received; give a new case id.")
            }
        case "assistance.EconomicCheckCompleted":
            context.date("reportDate")
            context.requireStep(current, in: [.received, .economicChecked], next: .economicChecked)
        case "assistance.HomeSurveyCompleted":
            context.date("surveyDate")
            context.requireStep(current, in: [.economicChecked, .homeSurveyed], next: .homeSurveyed)
            if current.closeRelativeOfStaff, payload["conductedBy"]?.stringValue != "county" {
                context.fail("assistance.relative-needs-county-survey", pointer: "/conductedBy",
                             "The applicant is a close relative of case staff or village officials: the county must conduct the home survey (conductedBy \"county\").")
            }
        case "assistance.EvidenceGathered":
            context.date("gatheredDate")
            context.requireStep(current, in: [.received, .economicChecked, .homeSurveyed], next: .homeSurveyed, what: "Evidence is gathered between the application and the preliminary opinion")
        case "assistance.PreliminaryOpinionGiven":
            context.date("opinionDate")
            context.requireStep(current, in: [.homeSurveyed], next: .preliminaryOpinion)
            if current.closeRelativeOfStaff, !current.surveyedByCounty {
                context.fail("assistance.relative-needs-county-survey", "The applicant is a close relative of staff: a home survey by the county must come before the opinion.")
            }
        case "assistance.PublicNoticePosted":
            checkNotice(payload, current, &context)
        case "assistance.ObjectionRaised":
            context.date("raisedDate")
            context.requireStep(current, in: [.publicNotice], next: .publicNotice, what: "Objections are raised against a posted notice")
            if let number = payload["objectionNumber"]?.numberValue?.intValue, current.objections[number] != nil {
                context.fail("assistance.objection-number-used", pointer: "/objectionNumber", "Objection \(number) is already recorded; number the new one \((current.objections.keys.max() ?? 0) + 1).")
            }
        case "assistance.ObjectionResolved":
            context.date("resolvedDate")
            let number = payload["objectionNumber"]?.numberValue?.intValue ?? -1
            if let objection = current.objections[number] {
                if objection.resolved != nil { context.fail("assistance.objection-already-resolved", pointer: "/objectionNumber", "Objection \(number) was already resolved.") }
            } else {
                context.fail("assistance.no-such-objection", pointer: "/objectionNumber", "No objection \(number) was raised on this case.")
            }
        case "assistance.ReliefConfirmed":
            checkConfirmation(payload, current, &context)
        case "assistance.ReliefRefused":
            checkRefusal(payload, current, &context)
        case "assistance.ReliefPaid":
            checkPayment(payload, current, &context)
        case "assistance.ReliefSuspended":
            context.date("suspendedDate")
            context.requireStep(current, in: [.confirmed], next: .confirmed, what: "Only a confirmed case can be suspended")
            if current.suspendedFrom != nil { context.fail("assistance.already-suspended", "The case is already suspended; resume it first.") }
        case "assistance.ReliefResumed":
            context.date("resumedDate")
            if current.suspendedFrom == nil || current.step != .confirmed { context.fail("assistance.not-suspended", "Only a suspended case can be resumed.") }
        case "assistance.ReliefTerminated":
            context.date("terminatedDate")
            context.requireStep(current, in: [.confirmed], next: .confirmed, what: "Only a confirmed case can be terminated")
        case "assistance.RecheckCompleted":
            context.date("recheckDate")
            context.requireStep(current, in: [.confirmed], next: .confirmed, what: "Re-checks are for confirmed cases")
        case "assistance.UrgentReliefGranted":
            context.date("grantDate")
            if current.step >= .confirmed { context.fail("assistance.urgent-after-decision", "Urgent relief is granted before a decision; this case is already \(current.step).") }
            if payload["approvedBy"]?.stringValue == "township", let amount = payload["amountFen"]?.numberValue?.intValue,
               amount > settings.urgentReliefTownshipCapFen {
                context.fail("assistance.urgent-over-township-cap", pointer: "/amountFen",
                             "A township may approve at most \(settings.urgentReliefTownshipCapFen) fen of urgent relief; \(amount) fen needs the county's approval (approvedBy \"county\").")
            }
        default:
            break
        }
        return context.violations
    }
}
