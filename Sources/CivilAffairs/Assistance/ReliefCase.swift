import JSON

/// A relief case as folded from its `reliefcase-<caseId>` stream: the step it reached and what
/// the rules need to judge the next one.
public struct ReliefCase: Sendable, Equatable {
    /// A public notice as posted: its round, first day and last day.
    public struct Notice: Sendable, Equatable {
        public let round: Int
        public let start: CalendarDay
        public let lastDay: CalendarDay
    }

    /// An objection raised during a notice, and how it was resolved.
    public struct Objection: Sendable, Equatable {
        public let number: Int
        public let raised: CalendarDay
        public var resolved: CalendarDay?
        public var requiresNewNotice = false
    }

    public internal(set) var step: ReliefStep = .notReceived
    public internal(set) var closeRelativeOfStaff = false
    public internal(set) var surveyedByCounty = false
    public internal(set) var opinionApproves: Bool?
    public internal(set) var notices: [Notice] = []
    public internal(set) var objections: [Int: Objection] = [:]
    public internal(set) var confirmed: CalendarDay?
    public internal(set) var paymentSchedule: String?
    public internal(set) var paidMonths: Set<CalendarMonth> = []
    public internal(set) var suspendedFrom: CalendarMonth?
    public internal(set) var terminatedFrom: CalendarMonth?
    /// Urgent temporary relief granted before the paperwork (先行救助), and when that paperwork is due.
    public internal(set) var urgentGranted: CalendarDay?
    public internal(set) var paperworkDue: CalendarDay?
    /// Whether the urgent relief was paid (before any decision: help first, paperwork after).
    public internal(set) var urgentPaid = false

    public init() {}

    /// The case after one event of its stream (already admitted by the rules).
    public func applying(type: String, payload: JSONValue, settings: CivilAffairsSettings) -> ReliefCase {
        var next = self
        func day(_ field: String) -> CalendarDay? { payload[field]?.stringValue.flatMap({ CalendarDay($0) }) }
        func month(_ field: String) -> CalendarMonth? { payload[field]?.stringValue.flatMap({ CalendarMonth($0) }) }
        switch type {
        case "assistance.ApplicationReceived":
            next.step = .received
            next.closeRelativeOfStaff = payload["closeRelativeOfStaff"]?.boolValue ?? false
        case "assistance.EconomicCheckCompleted": next.step = .economicChecked
        case "assistance.HomeSurveyCompleted":
            next.step = .homeSurveyed
            next.surveyedByCounty = next.surveyedByCounty || payload["conductedBy"]?.stringValue == "county"
        case "assistance.PreliminaryOpinionGiven":
            next.step = .preliminaryOpinion
            next.opinionApproves = payload["opinion"]?.stringValue == "approve"
        case "assistance.PublicNoticePosted":
            next.step = .publicNotice
            if let start = day("noticeStartDate"), let days = payload["noticeDays"]?.numberValue?.intValue {
                let working = payload["dayCounting"]?.stringValue == "working"
                let last = ReliefCase.lastDay(start: start, days: days, working: working, settings: settings)
                next.notices.append(Notice(round: payload["round"]?.numberValue?.intValue ?? notices.count + 1, start: start, lastDay: last))
            }
        case "assistance.ObjectionRaised":
            if let number = payload["objectionNumber"]?.numberValue?.intValue, let raised = day("raisedDate") {
                next.objections[number] = Objection(number: number, raised: raised)
            }
        case "assistance.ObjectionResolved":
            if let number = payload["objectionNumber"]?.numberValue?.intValue {
                next.objections[number]?.resolved = day("resolvedDate")
                next.objections[number]?.requiresNewNotice = payload["requiresNewNotice"]?.boolValue ?? false
            }
        case "assistance.ReliefConfirmed":
            next.step = .confirmed
            next.confirmed = day("confirmedDate")
            next.paymentSchedule = payload["paymentSchedule"]?.stringValue
        case "assistance.ReliefPaid":
            if let paid = month("month") { next.paidMonths.insert(paid) }
            if step < .confirmed, urgentGranted != nil { next.urgentPaid = true }
        case "assistance.ReliefSuspended": next.suspendedFrom = month("fromMonth")
        case "assistance.ReliefResumed": next.suspendedFrom = nil
        case "assistance.ReliefTerminated":
            next.step = .terminated
            next.terminatedFrom = month("fromMonth")
        case "assistance.ReliefRefused": next.step = .refused
        case "assistance.UrgentReliefGranted":
            next.urgentGranted = day("grantDate")
            next.paperworkDue = day("paperworkDueDate")
        default: break
        }
        return next
    }

    /// The last day of a notice of `days` days from `start` (calendar or working days).
    static func lastDay(start: CalendarDay, days: Int, working: Bool, settings: CivilAffairsSettings) -> CalendarDay {
        guard days > 0 else { return start.adding(days: -1) }
        if !working { return start.adding(days: days - 1) }
        let first = settings.restDays.workingDay(onOrAfter: start)
        return settings.restDays.adding(workingDays: days - 1, to: first)
    }

    /// Objections not yet resolved.
    public var openObjections: [Objection] { objections.values.filter { $0.resolved == nil }.sorted { $0.number < $1.number } }

    /// Whether a resolved objection asked for a fresh notice that has not been posted since.
    public var needsFreshNotice: Bool {
        guard let latest = notices.last else { return false }
        return objections.values.contains { objection in
            guard objection.requiresNewNotice, let resolved = objection.resolved else { return false }
            return resolved >= latest.start
        }
    }
}
