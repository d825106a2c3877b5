import EventLog
import JSON
import Projections

/// The JSON a relief case is answered with, shared by the `relief-cases` projection and the
/// `relief-case` entity fold (so a case now and a case as of any moment look the same).
enum ReliefCaseView {
    static func initial(caseId: String) -> JSONValue {
        ["caseId": .string(caseId), "step": "not-received", "timeline": []]
    }

    /// The step names used in keys and answers.
    static let stepNames: [ReliefStep: String] = [
        .notReceived: "not-received", .received: "received", .economicChecked: "economic-checked",
        .homeSurveyed: "home-surveyed", .preliminaryOpinion: "preliminary-opinion", .publicNotice: "public-notice",
        .confirmed: "confirmed", .refused: "refused", .terminated: "terminated",
    ]

    /// The business date an event of the case carries.
    static let dateFields = ["receiptDate", "reportDate", "surveyDate", "gatheredDate", "opinionDate", "noticeStartDate",
                             "raisedDate", "resolvedDate", "confirmedDate", "refusedDate", "paidDate", "suspendedDate",
                             "resumedDate", "terminatedDate", "recheckDate", "grantDate"]

    static func adding(_ projected: ProjectedEvent, to view: JSONValue, settings: CivilAffairsSettings) -> JSONValue {
        let payload = projected.payload
        var object = view.objectValue ?? JSONObject()
        // The fold of the rules is the source of truth for the step; the view keeps it beside the JSON.
        var record = ReliefCaseCodec.decode(object["rulesState"])
        record = record.applying(type: projected.event.type, payload: payload, settings: settings)
        object["rulesState"] = ReliefCaseCodec.encode(record)
        object["step"] = .string(stepNames[record.step] ?? "\(record.step)")
        for field in ["town", "reliefKind", "village"] where payload[field] != nil { object[field] = payload[field] }
        let date = dateFields.lazy.compactMap { payload[$0]?.stringValue }.first
        switch projected.event.type {
        case "assistance.ApplicationReceived": object["receiptDate"] = payload["receiptDate"]
        case "assistance.ReliefConfirmed":
            object["confirmedDate"] = payload["confirmedDate"]
            object["amountFen"] = payload["amountFen"]
        case "assistance.RecheckCompleted":
            if let amount = payload["newAmountFen"] { object["amountFen"] = amount }
        default: break
        }
        if record.suspendedFrom != nil { object["suspended"] = true } else { object["suspended"] = nil }
        object["deadline"] = deadline(of: record, receipt: object["receiptDate"]?.stringValue.flatMap({ CalendarDay($0) }), settings: settings)
        var timeline = object["timeline"]?.arrayValue ?? []
        timeline.append(["type": .string(projected.event.type), "date": date.map(JSONValue.string) ?? .null,
                         "position": .number(JSONNumber(Int(projected.event.position)))])
        object["timeline"] = .array(timeline)
        return .object(object)
    }

    /// What the case waits for and by when: the paperwork of urgent relief, the decision's overall
    /// time limit before confirmation, nothing once decided.
    static func deadline(of record: ReliefCase, receipt: CalendarDay?, settings: CivilAffairsSettings) -> JSONValue {
        if record.step == .notReceived, let due = record.paperworkDue {
            return ["waitingFor": "assistance.ApplicationReceived", "due": .string(due.description)]
        }
        guard record.step >= .received, record.step < .confirmed, let receipt else { return .null }
        let due = settings.restDays.adding(workingDays: settings.decisionWorkingDays, to: receipt)
        let next = ReliefStep(rawValue: record.step.rawValue + 1) ?? .confirmed
        return ["waitingFor": .string(next.eventType), "due": .string(due.description)]
    }
}
