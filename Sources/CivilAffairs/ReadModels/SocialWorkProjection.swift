import EventLog
import JSON
import Projections

/// `social-work`: purchased projects with their milestones, stations and their quarterly ranking.
///
/// Keys: `project/<projectId>` (stage, contract, milestones, grade, what is due);
/// `stage/<stage>/<projectId>`; `due/<YYYY-MM-DD>/<projectId>` (the next milestone's deadline:
/// the final evaluation, or a correction; overdue as of a day = the keys before it);
/// `station/<stationId>`; `ranking/<YYYY-Qn>`.
public struct SocialWorkProjection: Projection {
    public let name = "social-work"
    public let version = 1
    public let eventTypes = ["socialwork."]
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let payload = projected.payload
        switch projected.event.type {
        case "socialwork.StationRegistered", "socialwork.StationRated":
            guard let id = payload["stationId"]?.stringValue else { return }
            var station = try state.get("station/" + id)?.objectValue ?? JSONObject()
            for member in payload.objectValue ?? JSONObject() { station[member.key] = member.value }
            try state.put("station/" + id, .object(station))
        case "socialwork.StationRanked":
            guard let quarter = payload["quarter"]?.stringValue else { return }
            try state.put("ranking/" + quarter, payload)
        default:
            guard let id = payload["projectId"]?.stringValue else { return }
            let key = "project/" + id
            let previous = try state.get(key)
            let next = ProjectView.adding(projected, to: previous ?? ProjectView.initial(id), settings: settings)
            let old = Self.indexKeys(id, previous)
            let new = Self.indexKeys(id, next)
            for stale in old where !new.contains(stale) { try state.delete(stale) }
            for index in new { try state.put(index, ["projectId": .string(id), "due": next["nextDue"]?["due"] ?? .null]) }
            try state.put(key, next)
        }
    }

    static func indexKeys(_ id: String, _ view: JSONValue?) -> [String] {
        guard let view, let stage = view["stage"]?.stringValue else { return [] }
        var keys = ["stage/\(stage)/\(id)"]
        if let due = view["nextDue"]?["due"]?.stringValue { keys.append("due/\(due)/\(id)") }
        return keys
    }
}

/// A project as answered (projection and entity fold alike).
enum ProjectView {
    static let stageNames: [ProjectStage: String] = [
        .notApproved: "not-approved", .approved: "approved", .contracted: "contracted", .supervised: "supervised",
        .midtermEvaluated: "midterm-evaluated", .finalEvaluated: "final-evaluated", .graded: "graded", .closed: "closed",
    ]
    static let dateFields = ["approvedDate", "signedDate", "sessionDate", "evaluationDate", "gradedDate", "completedDate", "closedDate", "checkDate"]

    static func initial(_ id: String) -> JSONValue { ["projectId": .string(id), "stage": "not-approved", "milestones": []] }

    static func adding(_ projected: ProjectedEvent, to view: JSONValue, settings: CivilAffairsSettings) -> JSONValue {
        var object = view.objectValue ?? JSONObject()
        let payload = projected.payload
        var record = SocialWorkProject()
        record.stage = ProjectStage.allCases.first { stageNames[$0] == object["stage"]?.stringValue } ?? .notApproved
        record.contractStart = object["contractStart"]?.stringValue.flatMap({ CalendarDay($0) })
        record.contractEnd = object["contractEnd"]?.stringValue.flatMap({ CalendarDay($0) })
        record.supervisionSessions = object["supervisionSessions"]?.numberValue?.intValue ?? 0
        record.grade = object["grade"]?.stringValue
        record.correctionDeadline = object["correctionDeadline"]?.stringValue.flatMap({ CalendarDay($0) })
        record.correctionCompleted = object["correctionCompleted"]?.stringValue.flatMap({ CalendarDay($0) })
        record = record.applying(type: projected.event.type, payload: payload)
        for field in ["title", "buyerTown", "serviceArea"] where payload[field] != nil { object[field] = payload[field] }
        object["stage"] = .string(stageNames[record.stage] ?? "\(record.stage)")
        object["contractStart"] = record.contractStart.map { .string($0.description) }
        object["contractEnd"] = record.contractEnd.map { .string($0.description) }
        object["supervisionSessions"] = .number(JSONNumber(record.supervisionSessions))
        object["grade"] = record.grade.map(JSONValue.string)
        object["correctionDeadline"] = record.correctionDeadline.map { .string($0.description) }
        object["correctionCompleted"] = record.correctionCompleted.map { .string($0.description) }
        object["nextDue"] = nextDue(record, settings: settings)
        var milestones = object["milestones"]?.arrayValue ?? []
        let date = dateFields.lazy.compactMap { payload[$0]?.stringValue }.first
        milestones.append(["type": .string(projected.event.type), "date": date.map(JSONValue.string) ?? .null,
                           "position": .number(JSONNumber(Int(projected.event.position)))])
        object["milestones"] = .array(milestones)
        return .object(object)
    }

    /// The next deadline: the final evaluation before it is done, then a 基本合格 correction.
    static func nextDue(_ record: SocialWorkProject, settings: CivilAffairsSettings) -> JSONValue {
        if record.stage >= .contracted, record.stage < .finalEvaluated, let due = record.finalEvaluationDue(settings: settings) {
            return ["milestone": "socialwork.FinalEvaluated", "due": .string(due.description)]
        }
        if record.stage == .graded, record.grade == "basic", record.correctionCompleted == nil, let due = record.correctionDeadline {
            return ["milestone": "socialwork.CorrectionCompleted", "due": .string(due.description)]
        }
        return .null
    }
}
