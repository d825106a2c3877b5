import JSON
import Projections

/// The work plan dashboard (DOMAIN.md's table): each numeric target with its value as of a day,
/// percent done, and whether it is on track — the share done at least the share of the year gone.
public struct WorkPlanDashboard: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    /// The dashboard as of `day`, from the `work-plan` projection's state (read with `scan`).
    public func compute(asOf day: CalendarDay, scan: (String) async throws -> [ProjectionEntry]) async throws -> JSONValue {
        let yearStart = CalendarDay(year: day.year, month: 1, day: 1)!
        let yearEnd = CalendarDay(year: day.year, month: 12, day: 31)!
        let elapsed = Double(yearStart.days(until: day) + 1) / Double(yearStart.days(until: yearEnd) + 1)

        func total(_ metric: String, sinceYearStart: Bool) async throws -> Int {
            try await scan("daily/\(metric)/").reduce(0) { sum, entry in
                let date = CalendarDay(String(entry.key.suffix(10)))
                guard let date, date <= day, !sinceYearStart || date >= yearStart else { return sum }
                return sum + (entry.value.numberValue?.intValue ?? 0)
            }
        }
        func target(_ id: String, _ title: String, value: Int, goal: Int, yearly: Bool) -> JSONValue {
            let percent = goal > 0 ? min(100.0, Double(value) * 100 / Double(goal)) : 100
            let onTrack = yearly ? Double(value) >= Double(goal) * elapsed : value >= goal
            return ["target": .string(id), "title": .string(title), "value": .number(JSONNumber(value)), "goal": .number(JSONNumber(goal)),
                    "percentDone": .number(JSONNumber((percent * 10).rounded() / 10) ?? JSONNumber(0)), "onTrack": .bool(onTrack)]
        }

        let institutions = try await total("institutions", sinceYearStart: false)
        let staffed = try await total("staffed-institutions", sinceYearStart: false)
        let towns = try await total("towns", sinceYearStart: false)
        let demonstration = try await total("demonstration-towns", sinceYearStart: false)
        let stations = try await total("stations", sinceYearStart: false)
        let ratings = try await total("station-ratings", sinceYearStart: true)
        var unsettled = 0
        let limit = day.adding(months: -settings.unidentifiedSettlementMonths)
        for entry in try await scan("rescue/") {
            guard let admitted = entry.value["admitted"]?.stringValue.flatMap({ CalendarDay($0) }), admitted < limit else { continue }
            let identified = entry.value["identified"]?.stringValue.flatMap({ CalendarDay($0) })
            let left = entry.value["left"]?.stringValue.flatMap({ CalendarDay($0) })
            // Held more than the configured months without an identity, and still held on the day.
            let identifiedInTime = identified.map { $0 <= admitted.adding(months: settings.unidentifiedSettlementMonths) } ?? false
            if !identifiedInTime, left.map({ $0 > day }) ?? true { unsettled += 1 }
        }
        let targets: [JSONValue] = [
            target("renovations", "Age-friendly home renovations accepted this year (适老化改造)",
                   value: try await total("renovations", sinceYearStart: true), goal: settings.targetRenovations, yearly: true),
            target("dementia-beds", "Dementia-care beds built this year (失智症床位)",
                   value: try await total("dementia-beds", sinceYearStart: true), goal: settings.targetDementiaBeds, yearly: true),
            target("staffed-institutions", "Care institutions with a full-time social worker",
                   value: staffed, goal: institutions, yearly: false),
            target("demonstration-homes", "Towns with a demonstration children's home (示范儿童之家)",
                   value: demonstration, goal: towns, yearly: false),
            target("brands", "Social-organisation brands recognised this year",
                   value: try await total("brands", sinceYearStart: true), goal: settings.targetBrands, yearly: true),
            target("fine-service-projects", "Fine service projects recognised this year",
                   value: try await total("fine-service-projects", sinceYearStart: true), goal: settings.targetFineServiceProjects, yearly: true),
            target("grid-organizations", "Social organisations in grid service",
                   value: try await total("grid-organizations", sinceYearStart: false), goal: settings.targetGridOrganizations, yearly: true),
            ["target": "unidentified-over-limit", "title": .string("Unidentified homeless persons held over \(settings.unidentifiedSettlementMonths) months, not settled (goal: none)"),
             "value": .number(JSONNumber(unsettled)), "goal": 0, "percentDone": .number(JSONNumber(unsettled == 0 ? 100 : 0)), "onTrack": .bool(unsettled == 0)],
            target("station-ratings", "Social-work stations star-rated this year",
                   value: ratings, goal: stations, yearly: false),
        ]
        return ["asOf": .string(day.description), "yearElapsedPercent": .number(JSONNumber((elapsed * 1000).rounded() / 10) ?? JSONNumber(0)),
                "targets": .array(targets)]
    }
}
