/// The stages of a government-purchased social-work project (政府购买社会工作服务), in order.
public enum ProjectStage: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case notApproved, approved, contracted, supervised, midtermEvaluated, finalEvaluated, graded, closed

    public static func < (lhs: ProjectStage, rhs: ProjectStage) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .notApproved: "not approved"
        case .approved: "approved"
        case .contracted: "contract signed"
        case .supervised: "under supervision"
        case .midtermEvaluated: "mid-term evaluated"
        case .finalEvaluated: "final evaluated"
        case .graded: "graded"
        case .closed: "closed"
        }
    }

    /// The event type that brings a project to this stage.
    public var eventType: String {
        switch self {
        case .notApproved: ""
        case .approved: "socialwork.ProjectApproved"
        case .contracted: "socialwork.ContractSigned"
        case .supervised: "socialwork.SupervisionHeld"
        case .midtermEvaluated: "socialwork.MidtermEvaluated"
        case .finalEvaluated: "socialwork.FinalEvaluated"
        case .graded: "socialwork.PerformanceGraded"
        case .closed: "socialwork.ProjectClosed"
        }
    }
}
