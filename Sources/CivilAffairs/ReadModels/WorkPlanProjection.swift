import EventLog
import JSON
import Projections

/// `work-plan`: what the year's targets are measured from, kept by business date so that the
/// dashboard can be read as of any day.
///
/// Keys: `daily/<metric>/<YYYY-MM-DD>` (how much a metric grew that day); `institution/<id>`
/// (dementia beds and full-time social workers, to count changes); `town-home/<town>` (a town's
/// first demonstration children's home); `rescue/<rescueCaseId>` (admission, identification, exit).
public struct WorkPlanProjection: Projection {
    public let name = "work-plan"
    public let version = 1
    public let eventTypes = ["eldercare.", "children.", "organizations.", "rescue.", "socialwork.Station"]

    public init() {}

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let payload = projected.payload
        func date(_ field: String) -> String? { payload[field]?.stringValue }
        func grow(_ metric: String, on day: String?, by amount: Int = 1) throws {
            guard let day, amount != 0 else { return }
            let key = "daily/\(metric)/\(day)"
            let current = try state.get(key)?.numberValue?.intValue ?? 0
            try state.put(key, .number(JSONNumber(current + amount)))
        }
        switch projected.event.type {
        case "eldercare.RenovationAccepted" where payload["result"] == "passed":
            try grow("renovations", on: date("acceptedDate"))
        case "eldercare.InstitutionFiled", "eldercare.BedsChanged", "eldercare.SocialWorkerAssigned", "eldercare.SocialWorkerLeft":
            guard let id = payload["institutionId"]?.stringValue else { return }
            var institution = try state.get("institution/" + id)?.objectValue ?? JSONObject()
            let day = date("filedDate") ?? date("changedDate") ?? date("assignedDate") ?? date("leftDate")
            if projected.event.type == "eldercare.InstitutionFiled" { try grow("institutions", on: day) }
            if projected.event.type == "eldercare.BedsChanged", let beds = payload["dementiaBeds"]?.numberValue?.intValue {
                let before = institution["dementiaBeds"]?.numberValue?.intValue ?? 0
                if beds > before { try grow("dementia-beds", on: day, by: beds - before) }
            }
            if let beds = payload["dementiaBeds"] { institution["dementiaBeds"] = beds }
            if payload["employment"]?.stringValue != "part-time", projected.event.type.hasPrefix("eldercare.SocialWorker") {
                let before = institution["fullTime"]?.numberValue?.intValue ?? 0
                let after = max(0, before + (projected.event.type == "eldercare.SocialWorkerLeft" ? -1 : 1))
                if (before == 0) != (after == 0) { try grow("staffed-institutions", on: day, by: after > 0 ? 1 : -1) }
                institution["fullTime"] = .number(JSONNumber(after))
            }
            try state.put("institution/" + id, .object(institution))
        case "children.ChildrensHomeEstablished":
            guard let town = payload["town"]?.stringValue else { return }
            if try state.get("town/" + town) == nil {
                try state.put("town/" + town, ["firstHome": payload["establishedDate"] ?? .null])
                try grow("towns", on: date("establishedDate"))
            }
        case "children.DemonstrationHomeDesignated":
            guard let town = payload["town"]?.stringValue else { return }
            if try state.get("town-home/" + town) == nil {
                try state.put("town-home/" + town, ["designated": payload["designatedDate"] ?? .null])
                try grow("demonstration-towns", on: date("designatedDate"))
            }
        case "organizations.BrandRecognised": try grow("brands", on: date("recognisedDate"))
        case "organizations.ServiceProjectRecognised": try grow("fine-service-projects", on: date("recognisedDate"))
        case "organizations.GridServiceJoined": try grow("grid-organizations", on: date("joinedDate"))
        case "socialwork.StationRegistered": try grow("stations", on: date("establishedDate"))
        case "socialwork.StationRated": try grow("station-ratings", on: date("ratedDate"))
        case "rescue.PersonAdmitted", "rescue.IdentitySearched", "rescue.PersonSettled", "rescue.PersonReturnedToFamily",
             "rescue.PersonTransferred", "rescue.PersonLeft":
            guard let id = payload["rescueCaseId"]?.stringValue else { return }
            var rescue = try state.get("rescue/" + id)?.objectValue ?? JSONObject()
            switch projected.event.type {
            case "rescue.PersonAdmitted":
                rescue["admitted"] = payload["admittedDate"]
                rescue["identified"] = payload["identified"]?.boolValue == true ? payload["admittedDate"] : nil
            case "rescue.IdentitySearched" where payload["result"] == "identified":
                rescue["identified"] = payload["searchDate"]
            case "rescue.PersonSettled":
                rescue["settled"] = payload["settledDate"]
                rescue["left"] = payload["settledDate"]
            default:
                rescue["left"] = payload["returnedDate"] ?? payload["transferredDate"] ?? payload["leftDate"]
            }
            try state.put("rescue/" + id, .object(rescue))
        default:
            return
        }
    }
}
