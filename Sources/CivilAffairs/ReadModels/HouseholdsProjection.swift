import EventLog
import JSON
import Projections

/// `households`: households in difficulty with their warning colour, last visit and next visit due.
///
/// Keys: `household/<householdId>`; `colour/<colour>/<town>/<householdId>` (by colour);
/// `due/<YYYY-MM-DD>/<householdId>` (by the day the next visit is due, so the visits overdue
/// as of a day are the keys before it).
public struct HouseholdsProjection: Projection {
    public let name = "households"
    /// 2: index entries carry the colour, last visit and visit count too.
    public let version = 2
    public let eventTypes = ["assistance.WarningLevelSet", "assistance.HomeVisitRecorded", "assistance.WarningCleared"]
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        guard projected.event.stream.category == "household", let id = projected.payload["householdId"]?.stringValue else { return }
        let key = "household/" + id
        let previous = try state.get(key)
        let next = HouseholdView.adding(projected, to: previous ?? HouseholdView.initial(id), settings: settings)
        let old = Self.indexKeys(id, previous)
        let new = Self.indexKeys(id, next)
        for stale in old where !new.contains(stale) { try state.delete(stale) }
        // Each index entry answers a list on its own: the colour, the last visit and the next one due.
        let summary: JSONValue = ["householdId": .string(id), "town": next["town"] ?? .null, "colour": next["colour"] ?? .null,
                                  "lastVisit": next["lastVisit"] ?? .null, "nextVisitDue": next["nextVisitDue"] ?? .null,
                                  "visits": next["visits"] ?? 0]
        for index in new { try state.put(index, summary) }
        try state.put(key, next)
    }

    static func indexKeys(_ id: String, _ view: JSONValue?) -> [String] {
        guard let view, let colour = view["colour"]?.stringValue, view["cleared"] == nil || view["cleared"] == .null else { return [] }
        var keys = ["colour/\(colour)/\(view["town"]?.stringValue ?? "-")/\(id)"]
        if let due = view["nextVisitDue"]?.stringValue { keys.append("due/\(due)/\(id)") }
        return keys
    }
}

/// The JSON a household is answered with (projection and entity fold alike).
enum HouseholdView {
    static func initial(_ id: String) -> JSONValue { ["householdId": .string(id), "visits": 0] }

    static func adding(_ projected: ProjectedEvent, to view: JSONValue, settings: CivilAffairsSettings) -> JSONValue {
        var object = view.objectValue ?? JSONObject()
        var record = Household()
        record.colour = object["colour"]?.stringValue.flatMap({ WarningColour(rawValue: $0) })
        record.warningSet = object["warningSet"]?.stringValue.flatMap({ CalendarDay($0) })
        record.lastVisit = object["lastVisit"]?.stringValue.flatMap({ CalendarDay($0) })
        record.visits = object["visits"]?.numberValue?.intValue ?? 0
        record.majorChange = object["majorChange"]?.stringValue.flatMap({ CalendarDay($0) })
        record.cleared = object["cleared"]?.stringValue.flatMap({ CalendarDay($0) })
        record = record.applying(type: projected.event.type, payload: projected.payload)
        for field in ["town", "village"] where projected.payload[field] != nil { object[field] = projected.payload[field] }
        object["colour"] = record.colour.map { .string($0.rawValue) }
        object["warningSet"] = record.warningSet.map { .string($0.description) }
        object["lastVisit"] = record.lastVisit.map { .string($0.description) }
        object["visits"] = .number(JSONNumber(record.visits))
        object["majorChange"] = record.majorChange.map { .string($0.description) }
        object["cleared"] = record.cleared.map { .string($0.description) }
        object["nextVisitDue"] = record.nextVisitDue(settings: settings).map { .string($0.description) }
        if projected.event.type == "assistance.HomeVisitRecorded" {
            object["lastVisitMethod"] = projected.payload["method"]
        }
        return .object(object)
    }
}
