/// The steps of a relief case in the order they must happen (national measures for 低保 review,
/// 2021, as practised): each step may follow only the one before it.
public enum ReliefStep: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case notReceived, received, economicChecked, homeSurveyed, preliminaryOpinion, publicNotice, confirmed
    /// Ends: a case refused or terminated takes no further steps.
    case refused, terminated

    public static func < (lhs: ReliefStep, rhs: ReliefStep) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .notReceived: "not received"
        case .received: "application received"
        case .economicChecked: "economic check completed"
        case .homeSurveyed: "home survey completed"
        case .preliminaryOpinion: "preliminary opinion given"
        case .publicNotice: "public notice posted"
        case .confirmed: "confirmed"
        case .refused: "refused"
        case .terminated: "terminated"
        }
    }

    /// The event type that brings a case to this step, for messages that say what must come first.
    public var eventType: String {
        switch self {
        case .notReceived: ""
        case .received: "assistance.ApplicationReceived"
        case .economicChecked: "assistance.EconomicCheckCompleted"
        case .homeSurveyed: "assistance.HomeSurveyCompleted"
        case .preliminaryOpinion: "assistance.PreliminaryOpinionGiven"
        case .publicNotice: "assistance.PublicNoticePosted"
        case .confirmed: "assistance.ReliefConfirmed"
        case .refused: "assistance.ReliefRefused"
        case .terminated: "assistance.ReliefTerminated"
        }
    }
}
