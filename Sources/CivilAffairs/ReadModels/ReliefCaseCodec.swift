import JSON

/// A relief case's rule state as JSON, so a read model can keep folding it event by event.
enum ReliefCaseCodec {
    static func encode(_ record: ReliefCase) -> JSONValue {
        var object = JSONObject()
        object["step"] = .number(JSONNumber(record.step.rawValue))
        object["closeRelativeOfStaff"] = .bool(record.closeRelativeOfStaff)
        object["surveyedByCounty"] = .bool(record.surveyedByCounty)
        object["opinionApproves"] = record.opinionApproves.map(JSONValue.bool)
        object["notices"] = .array(record.notices.map { ["round": .number(JSONNumber($0.round)), "start": .string($0.start.description), "lastDay": .string($0.lastDay.description)] })
        object["objections"] = .array(record.objections.values.sorted { $0.number < $1.number }.map { objection in
            ["number": .number(JSONNumber(objection.number)), "raised": .string(objection.raised.description),
             "resolved": objection.resolved.map { .string($0.description) } ?? .null, "requiresNewNotice": .bool(objection.requiresNewNotice)]
        })
        object["confirmed"] = record.confirmed.map { .string($0.description) }
        object["paymentSchedule"] = record.paymentSchedule.map(JSONValue.string)
        object["paidMonths"] = .array(record.paidMonths.sorted().map { .string($0.description) })
        object["suspendedFrom"] = record.suspendedFrom.map { .string($0.description) }
        object["terminatedFrom"] = record.terminatedFrom.map { .string($0.description) }
        object["urgentGranted"] = record.urgentGranted.map { .string($0.description) }
        object["paperworkDue"] = record.paperworkDue.map { .string($0.description) }
        object["urgentPaid"] = .bool(record.urgentPaid)
        return .object(object)
    }

    static func decode(_ value: JSONValue?) -> ReliefCase {
        var record = ReliefCase()
        guard let value else { return record }
        func day(_ json: JSONValue?) -> CalendarDay? { json?.stringValue.flatMap({ CalendarDay($0) }) }
        func month(_ json: JSONValue?) -> CalendarMonth? { json?.stringValue.flatMap({ CalendarMonth($0) }) }
        record.step = value["step"]?.numberValue?.intValue.flatMap({ ReliefStep(rawValue: $0) }) ?? .notReceived
        record.closeRelativeOfStaff = value["closeRelativeOfStaff"]?.boolValue ?? false
        record.surveyedByCounty = value["surveyedByCounty"]?.boolValue ?? false
        record.opinionApproves = value["opinionApproves"]?.boolValue
        record.notices = (value["notices"]?.arrayValue ?? []).compactMap { notice in
            guard let round = notice["round"]?.numberValue?.intValue, let start = day(notice["start"]), let last = day(notice["lastDay"]) else { return nil }
            return ReliefCase.Notice(round: round, start: start, lastDay: last)
        }
        for objection in value["objections"]?.arrayValue ?? [] {
            guard let number = objection["number"]?.numberValue?.intValue, let raised = day(objection["raised"]) else { continue }
            record.objections[number] = ReliefCase.Objection(number: number, raised: raised, resolved: day(objection["resolved"]),
                                                             requiresNewNotice: objection["requiresNewNotice"]?.boolValue ?? false)
        }
        record.confirmed = day(value["confirmed"])
        record.paymentSchedule = value["paymentSchedule"]?.stringValue
        record.paidMonths = Set((value["paidMonths"]?.arrayValue ?? []).compactMap { month($0) })
        record.suspendedFrom = month(value["suspendedFrom"])
        record.terminatedFrom = month(value["terminatedFrom"])
        record.urgentGranted = day(value["urgentGranted"])
        record.paperworkDue = day(value["paperworkDue"])
        record.urgentPaid = value["urgentPaid"]?.boolValue ?? false
        return record
    }
}
