import JSON

/// A social-work project as folded from its `swproject-<projectId>` stream.
public struct SocialWorkProject: Sendable, Equatable {
    public internal(set) var stage: ProjectStage = .notApproved
    public internal(set) var contractStart: CalendarDay?
    public internal(set) var contractEnd: CalendarDay?
    public internal(set) var supervisionSessions = 0
    public internal(set) var grade: String?
    public internal(set) var correctionDeadline: CalendarDay?
    public internal(set) var correctionCompleted: CalendarDay?

    public init() {}

    public func applying(type: String, payload: JSONValue) -> SocialWorkProject {
        var next = self
        func day(_ field: String) -> CalendarDay? { payload[field]?.stringValue.flatMap({ CalendarDay($0) }) }
        switch type {
        case "socialwork.ProjectApproved": next.stage = .approved
        case "socialwork.ContractSigned":
            next.stage = .contracted
            next.contractStart = day("startDate")
            next.contractEnd = day("endDate")
        case "socialwork.SupervisionHeld":
            next.stage = max(next.stage, .supervised)
            next.supervisionSessions += 1
        case "socialwork.MidtermEvaluated": next.stage = .midtermEvaluated
        case "socialwork.FinalEvaluated": next.stage = .finalEvaluated
        case "socialwork.PerformanceGraded":
            next.stage = .graded
            next.grade = payload["grade"]?.stringValue
            next.correctionDeadline = day("correctionDeadline")
        case "socialwork.CorrectionCompleted": next.correctionCompleted = day("completedDate")
        case "socialwork.ProjectClosed": next.stage = .closed
        default: break
        }
        return next
    }

    /// The last day the final evaluation may take place: the configured months before the contract ends.
    public func finalEvaluationDue(settings: CivilAffairsSettings) -> CalendarDay? {
        contractEnd?.adding(months: -settings.finalEvaluationMonthsBeforeEnd)
    }
}
