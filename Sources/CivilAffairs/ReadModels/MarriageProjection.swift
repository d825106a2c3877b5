import EventLog
import JSON
import Projections

/// `marriage`: persons' marital status by pseudonym, registrations per office and month, and
/// divorce applications in cooling-off with their windows.
///
/// Keys: `person/<pseudonym>` (from `marital-<pseudonym>` streams; never the ID number);
/// `registrations/<office>/<YYYY-MM>` (counted once per certificate, from `certificate-<number>`
/// streams); `divorce/<applicationId>` (every application with its windows and outcome) and
/// `cooling-off/<applicationId>` (open applications only).
public struct MarriageProjection: Projection {
    public let name = "marriage"
    public let version = 1
    public let eventTypes = ["marriage."]
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    public func apply(_ projected: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let event = projected.event
        let payload = projected.payload
        switch event.stream.category {
        case "marital":
            let pseudonym = String(event.stream.rawValue.dropFirst("marital-".count))
            let key = "person/" + pseudonym
            let view = PersonView.adding(projected, to: try state.get(key) ?? PersonView.initial(pseudonym))
            try state.put(key, view)
        case "certificate":
            guard let office = payload["office"]?.stringValue, let date = payload["registrationDate"]?.stringValue ?? payload["reissuedDate"]?.stringValue else { return }
            let key = "registrations/\(office)/\(date.prefix(7))"
            var counts = try state.get(key)?.objectValue ?? JSONObject()
            counts["office"] = .string(office)
            counts["month"] = .string(String(date.prefix(7)))
            let field = switch event.type {
            case "marriage.MarriageRegistered": "marriages"
            case "marriage.DivorceRegistered": "divorces"
            default: "reissues"
            }
            counts[field] = .number(JSONNumber((counts[field]?.numberValue?.intValue ?? 0) + 1))
            try state.put(key, .object(counts))
        case "divorce":
            guard let id = payload["applicationId"]?.stringValue else { return }
            let key = "divorce/" + id
            let view: JSONValue
            if event.type == "marriage.DivorceApplicationReceived" {
                guard let application = DivorceApplication(received: payload, settings: settings) else { return }
                view = DivorceView.encode(application, position: event.position)
            } else {
                guard let current = try state.get(key) else { return }
                view = DivorceView.after(event.type, current, position: event.position)
            }
            try state.put(key, view)
            if view["outcome"]?.stringValue == "open" { try state.put("cooling-off/" + id, view) } else { try state.delete("cooling-off/" + id) }
        default:
            return
        }
    }
}

/// A person's marital record as answered (by pseudonym; the ID number is never stored here).
enum PersonView {
    static func initial(_ pseudonym: String) -> JSONValue { ["pseudonym": .string(pseudonym), "status": "no-marriage-recorded", "events": 0] }

    static func adding(_ projected: ProjectedEvent, to view: JSONValue) -> JSONValue {
        var object = view.objectValue ?? JSONObject()
        let payload = projected.payload
        switch projected.event.type {
        case "marriage.MarriageRegistered":
            object["status"] = "married"
            object["certificateNumber"] = payload["certificateNumber"]
            object["since"] = payload["registrationDate"]
            object["office"] = payload["office"]
        case "marriage.DivorceRegistered":
            object["status"] = "divorced"
            object["certificateNumber"] = payload["certificateNumber"]
            object["since"] = payload["registrationDate"]
            object["office"] = payload["office"]
        default: break
        }
        object["events"] = .number(JSONNumber((object["events"]?.numberValue?.intValue ?? 0) + 1))
        object["lastPosition"] = .number(JSONNumber(Int(projected.event.position)))
        return .object(object)
    }
}

/// A divorce application with its calendar, as answered.
enum DivorceView {
    static func encode(_ application: DivorceApplication, position: UInt64) -> JSONValue {
        let windows = application.windows
        return ["applicationId": .string(application.applicationId), "office": .string(application.office),
                "received": .string(windows.received.description), "coolingOffEnds": .string(windows.coolingOffEnds.description),
                "registrationOpens": .string(windows.registrationOpens.description),
                "registrationCloses": .string(windows.registrationCloses.description),
                "outcome": .string(application.outcome.rawValue), "lastPosition": .number(JSONNumber(Int(position)))]
    }

    static func after(_ type: String, _ view: JSONValue, position: UInt64) -> JSONValue {
        var object = view.objectValue ?? JSONObject()
        let outcome: DivorceApplication.Outcome? = switch type {
        case "marriage.DivorceApplicationWithdrawn": .withdrawn
        case "marriage.DivorceApplicationLapsed": .lapsed
        case "marriage.DivorceRegistered": .registered
        case "marriage.DivorceRegistrationRefused": .refused
        default: nil
        }
        if let outcome { object["outcome"] = .string(outcome.rawValue) }
        object["lastPosition"] = .number(JSONNumber(Int(position)))
        return .object(object)
    }
}
