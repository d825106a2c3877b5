import EventLog
import JSON
import Projections

/// `relief-cases`: every relief case with its timeline, indexed for the bureau's questions.
///
/// Keys: `case/<caseId>` (the case: step, town, kind, amounts, deadline, timeline);
/// `status/<step>/<town>/<caseId>` (cases by status and town); `waiting/<step>/<due>/<caseId>`
/// (open cases at each step, by deadline); `payments/<town>/<YYYY-MM>` (count and fen paid).
public struct ReliefCasesProjection: Projection {
    public let name = "relief-cases"
    public let version = 1
    public let eventTypes = ["assistance."]
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let event = projected.event
        guard event.stream.category == "reliefcase", let caseId = projected.payload["caseId"]?.stringValue else { return }
        let key = "case/" + caseId
        let previous = try state.get(key)
        let next = ReliefCaseView.adding(projected, to: previous ?? ReliefCaseView.initial(caseId: caseId), settings: settings)
        try reindex(caseId, from: previous, to: next, in: state)
        try state.put(key, next)
        if event.type == "assistance.ReliefPaid", let town = projected.payload["town"]?.stringValue,
           let month = projected.payload["month"]?.stringValue {
            let paymentsKey = "payments/\(town)/\(month)"
            let current = try state.get(paymentsKey)
            let count = (current?["payments"]?.numberValue?.intValue ?? 0) + 1
            let fen = (current?["amountFen"]?.numberValue?.intValue ?? 0) + (projected.payload["amountFen"]?.numberValue?.intValue ?? 0)
            try state.put(paymentsKey, ["town": .string(town), "month": .string(month), "payments": .number(JSONNumber(count)), "amountFen": .number(JSONNumber(fen))])
        }
    }

    private func reindex(_ caseId: String, from previous: JSONValue?, to next: JSONValue, in state: ProjectionStateWriter) throws {
        for key in Self.indexKeys(caseId, previous) where !Self.indexKeys(caseId, next).contains(key) { try state.delete(key) }
        for key in Self.indexKeys(caseId, next) {
            try state.put(key, ["caseId": .string(caseId), "town": next["town"] ?? .null, "due": next["deadline"]?["due"] ?? .null])
        }
    }

    /// The index entries of a case in state `view`.
    static func indexKeys(_ caseId: String, _ view: JSONValue?) -> [String] {
        guard let view, let step = view["step"]?.stringValue else { return [] }
        var keys = ["status/\(step)/\(view["town"]?.stringValue ?? "-")/\(caseId)"]
        if let due = view["deadline"]?["due"]?.stringValue { keys.append("waiting/\(step)/\(due)/\(caseId)") }
        return keys
    }
}
