import JSON

/// The rules of a social-work project's milestones: approval → contract → supervision sessions →
/// mid-term evaluation → final evaluation (due a month before the contract ends) → performance
/// grade (基本合格 with a correction deadline after the grade) → closed; out of order is refused.
public struct ProjectRules: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func check(type: String, payload: JSONValue, project: SocialWorkProject, today: CalendarDay) -> [RuleViolation] {
        let record = "swproject-" + (payload["projectId"]?.stringValue ?? "?")
        var context = Context(record: record, payload: payload, today: today, settings: settings)
        func require(_ stages: [ProjectStage], for next: ProjectStage) {
            guard !stages.contains(project.stage) else { return }
            let rule = project.stage > (stages.max() ?? .notApproved) ? "socialwork.milestone-already-passed" : "socialwork.milestone-out-of-order"
            let needed = stages.map(\.eventType).filter { !$0.isEmpty }.joined(separator: " or ")
            context.fail(rule, "\(next.eventType) comes after \(needed.isEmpty ? "nothing" : needed); this project is \(project.stage).")
        }
        switch type {
        case "socialwork.ProjectApproved":
            context.date("approvedDate")
            if project.stage != .notApproved { context.fail("socialwork.project-exists", pointer: "/projectId", "This project was already approved; give a new project id.") }
        case "socialwork.ContractSigned":
            context.date("signedDate")
            require([.approved], for: .contracted)
            if let start = payload["startDate"]?.stringValue.flatMap({ CalendarDay($0) }),
               let end = payload["endDate"]?.stringValue.flatMap({ CalendarDay($0) }), end <= start {
                context.fail("socialwork.contract-ends-before-start", pointer: "/endDate", "The contract's end \(end) must come after its start \(start).")
            }
        case "socialwork.SupervisionHeld":
            context.date("sessionDate")
            require([.contracted, .supervised, .midtermEvaluated], for: .supervised)
            if let number = payload["sessionNumber"]?.numberValue?.intValue, number != project.supervisionSessions + 1 {
                context.fail("socialwork.session-number", pointer: "/sessionNumber", "The next supervision session is number \(project.supervisionSessions + 1).")
            }
        case "socialwork.MidtermEvaluated":
            context.date("evaluationDate")
            require([.supervised], for: .midtermEvaluated)
        case "socialwork.FinalEvaluated":
            let day = context.date("evaluationDate")
            require([.midtermEvaluated], for: .finalEvaluated)
            if let day, let due = project.finalEvaluationDue(settings: settings), day > due {
                context.fail("socialwork.final-evaluation-late", pointer: "/evaluationDate",
                             "The final evaluation is due by \(due), \(settings.finalEvaluationMonthsBeforeEnd) month(s) before the contract ends on \(project.contractEnd!); \(day) is late.")
            }
        case "socialwork.PerformanceGraded":
            let graded = context.date("gradedDate")
            require([.finalEvaluated], for: .graded)
            if payload["grade"]?.stringValue == "basic" {
                if let deadline = payload["correctionDeadline"]?.stringValue.flatMap({ CalendarDay($0) }) {
                    if let graded, deadline <= graded {
                        context.fail("socialwork.correction-deadline-not-after-grade", pointer: "/correctionDeadline", "The correction deadline must come after the grade (\(graded)).")
                    }
                } else {
                    context.fail("socialwork.basic-grade-needs-deadline", pointer: "/correctionDeadline", "A 基本合格 (basic) grade requires a correction deadline.")
                }
            }
        case "socialwork.CorrectionCompleted":
            context.date("completedDate")
            if project.stage != .graded || project.grade != "basic" {
                context.fail("socialwork.no-correction-due", "Only a project graded 基本合格 (basic) has a correction to complete.")
            } else if project.correctionCompleted != nil {
                context.fail("socialwork.correction-already-completed", "The correction was already completed.")
            }
        case "socialwork.ProjectClosed":
            context.date("closedDate")
            let early = payload["outcome"]?.stringValue == "terminated-early"
            if early {
                if project.stage == .notApproved || project.stage == .closed { require([.approved, .contracted, .supervised, .midtermEvaluated, .finalEvaluated, .graded], for: .closed) }
            } else {
                require([.graded], for: .closed)
                if project.grade == "basic", project.correctionCompleted == nil {
                    context.fail("socialwork.correction-pending", "The project was graded 基本合格 (basic): record socialwork.CorrectionCompleted (due \(project.correctionDeadline.map(\.description) ?? "?")) before closing.")
                }
            }
        case "socialwork.SpotCheckCompleted":
            context.date("checkDate")
            require([.contracted, .supervised, .midtermEvaluated, .finalEvaluated, .graded], for: .contracted)
        default:
            break
        }
        return context.violations
    }
}
