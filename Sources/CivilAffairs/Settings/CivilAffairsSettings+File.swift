import JSON

extension CivilAffairsSettings {
    /// Reads a JSON object of overrides; every key must name a setting, so a misspelt one is an
    /// error rather than a default silently kept.
    public init(json bytes: [UInt8]) throws(SettingsError) {
        self.init()
        let value: JSONValue
        do { value = try JSONParser().parse(bytes) } catch {
            throw SettingsError(key: nil, reason: "the settings file is not valid JSON (\(error))")
        }
        guard let object = value.objectValue else { throw SettingsError(key: nil, reason: "the settings file must hold one JSON object") }
        for member in object {
            switch member.key {
            case "restDays": restDays = try Self.calendar(from: member.value)
            default:
                guard let path = Self.wholeNumbers[member.key] else {
                    let known = (Self.wholeNumbers.keys + ["restDays"]).sorted()
                    throw SettingsError(key: member.key, reason: "no such setting; known: \(known.joined(separator: ", "))")
                }
                guard let number = member.value.numberValue?.intValue, number >= 0 else {
                    throw SettingsError(key: member.key, reason: "must be a whole number, zero or more")
                }
                self[keyPath: path] = number
            }
        }
    }

    private static func calendar(from value: JSONValue) throws(SettingsError) -> RestDayCalendar {
        guard let object = value.objectValue else {
            throw SettingsError(key: "restDays", reason: #"must be an object {"holidays": [dates], "workingWeekends": [dates]}"#)
        }
        var calendar = RestDayCalendar()
        for member in object {
            let key = "restDays.\(member.key)"
            guard member.key == "holidays" || member.key == "workingWeekends" else {
                throw SettingsError(key: key, reason: "no such setting; known: holidays, workingWeekends")
            }
            guard let list = member.value.arrayValue else { throw SettingsError(key: key, reason: "must be a list of dates (YYYY-MM-DD)") }
            var days: Set<CalendarDay> = []
            for element in list {
                guard let text = element.stringValue, let day = CalendarDay(text) else {
                    throw SettingsError(key: key, reason: "\(element) is not a date (YYYY-MM-DD)")
                }
                days.insert(day)
            }
            if member.key == "holidays" { calendar.holidays = days } else { calendar.workingWeekends = days }
        }
        return calendar
    }

    private static var wholeNumbers: [String: WritableKeyPath<CivilAffairsSettings, Int>] { [
        "publicNoticeDays": \.publicNoticeDays,
        "publicNoticeWorkingDays": \.publicNoticeWorkingDays,
        "refusalReasonWorkingDays": \.refusalReasonWorkingDays,
        "decisionWorkingDays": \.decisionWorkingDays,
        "urgentReliefTownshipCapFen": \.urgentReliefTownshipCapFen,
        "recheckMonthsStable": \.recheckMonthsStable,
        "recheckMonthsIrregularIncome": \.recheckMonthsIrregularIncome,
        "visitIntervalRedDays": \.visitIntervalRedDays,
        "visitIntervalOrangeMonths": \.visitIntervalOrangeMonths,
        "visitIntervalYellowMonths": \.visitIntervalYellowMonths,
        "redMajorChangeVisitHours": \.redMajorChangeVisitHours,
        "finalEvaluationMonthsBeforeEnd": \.finalEvaluationMonthsBeforeEnd,
        "minimumMarriageAgeMen": \.minimumMarriageAgeMen,
        "minimumMarriageAgeWomen": \.minimumMarriageAgeWomen,
        "divorceCoolingOffDays": \.divorceCoolingOffDays,
        "divorceRegistrationDays": \.divorceRegistrationDays,
        "unidentifiedSettlementMonths": \.unidentifiedSettlementMonths,
        "institutionFilingWorkingDays": \.institutionFilingWorkingDays,
        "renovationSubsidyCapFen": \.renovationSubsidyCapFen,
        "businessDateLeewayDays": \.businessDateLeewayDays,
        "targetRenovations": \.targetRenovations,
        "targetDementiaBeds": \.targetDementiaBeds,
        "targetBrands": \.targetBrands,
        "targetFineServiceProjects": \.targetFineServiceProjects,
        "targetGridOrganizations": \.targetGridOrganizations,
    ] }
}

/// A settings file that cannot be used, naming the key and why.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String?
    public let reason: String
    public var description: String { key.map { "Setting \"\($0)\": \(reason)." } ?? "Settings: \(reason)." }
}
