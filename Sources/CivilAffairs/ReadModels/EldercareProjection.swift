import EventLog
import JSON
import Projections

/// `eldercare`: care institutions with beds and dementia-care beds and their social workers,
/// age-friendly renovations by stage, capacity assessments by level.
///
/// Keys: `institution/<institutionId>`; `renovation/<renovationId>`; `renovation-stage/<stage>/<renovationId>`;
/// `assessments/<level>` (count). Personal fields (names, ID numbers) are not copied here.
public struct EldercareProjection: Projection {
    public let name = "eldercare"
    public let version = 1
    public let eventTypes = ["eldercare."]

    public init() {}

    static let renovationStages: [String: String] = [
        "eldercare.RenovationSurveyed": "surveyed", "eldercare.RenovationPlanned": "planned",
        "eldercare.RenovationWorksStarted": "works-started", "eldercare.RenovationAccepted": "accepted",
        "eldercare.SatisfactionChecked": "satisfaction-checked",
    ]

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let payload = projected.payload
        let type = projected.event.type
        if let id = payload["institutionId"]?.stringValue, type != "eldercare.CapacityAssessed" {
            let key = "institution/" + id
            var institution = try state.get(key)?.objectValue ?? JSONObject()
            institution["institutionId"] = .string(id)
            switch type {
            case "eldercare.InstitutionFiled":
                for field in ["town", "institutionName", "ownership", "beds", "dementiaBeds", "filedDate"] { institution[field] = payload[field] }
            case "eldercare.BedsChanged":
                institution["beds"] = payload["beds"]
                institution["dementiaBeds"] = payload["dementiaBeds"]
            case "eldercare.SocialWorkerAssigned", "eldercare.SocialWorkerLeft":
                // Counted without keeping who: the ID number stays in the log only.
                let field = payload["employment"]?.stringValue == "part-time" ? "partTimeSocialWorkers" : "fullTimeSocialWorkers"
                let current = institution[field]?.numberValue?.intValue ?? 0
                institution[field] = .number(JSONNumber(max(0, current + (type == "eldercare.SocialWorkerLeft" ? -1 : 1))))
            default: break
            }
            try state.put(key, .object(institution))
        }
        if let id = payload["renovationId"]?.stringValue, let stage = Self.renovationStages[type] {
            let key = "renovation/" + id
            var renovation = try state.get(key)?.objectValue ?? JSONObject()
            if let old = renovation["stage"]?.stringValue { try state.delete("renovation-stage/\(old)/\(id)") }
            renovation["renovationId"] = .string(id)
            renovation["stage"] = .string(type == "eldercare.RenovationAccepted" && payload["result"] == "failed" ? "acceptance-failed" : stage)
            for field in ["town", "subsidyFen", "finalCostFen", "satisfaction"] where payload[field] != nil { renovation[field] = payload[field] }
            try state.put(key, .object(renovation))
            try state.put("renovation-stage/\(renovation["stage"]!.stringValue!)/\(id)", ["renovationId": .string(id), "town": renovation["town"] ?? .null])
        }
        if type == "eldercare.CapacityAssessed", let level = payload["level"]?.stringValue {
            let key = "assessments/" + level
            let count = (try state.get(key)?["count"]?.numberValue?.intValue ?? 0) + 1
            try state.put(key, ["level": .string(level), "count": .number(JSONNumber(count))])
        }
    }
}
