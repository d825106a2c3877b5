import EventLog
import JSON
import Projections

/// Answers the bureau's questions from the projection engine, the same for the HTTP routes and
/// `civic-ledger query`: each answer is a JSON object that says the log position it reflects.
public struct BureauAnswerer: Sendable {
    /// How `minPosition` is honoured: the server waits for a projection (bounded), the command
    /// line only checks. `log` is asked for a record read `asOf`, which folds the log itself.
    public struct Readiness: Sendable {
        public var projection: @Sendable (_ name: String, _ position: UInt64) async throws -> Void
        public var log: @Sendable (_ position: UInt64, _ entity: String) async throws -> Void
        public init(projection: @escaping @Sendable (String, UInt64) async throws -> Void,
                    log: @escaping @Sendable (UInt64, String) async throws -> Void) {
            self.projection = projection
            self.log = log
        }
    }

    public let engine: ProjectionEngine
    public let rules: BureauRules
    public let pageSize: QuestionParameters.PageSize
    public let readiness: Readiness

    public init(engine: ProjectionEngine, rules: BureauRules, pageSize: QuestionParameters.PageSize = .init(), readiness: Readiness) {
        self.engine = engine
        self.rules = rules
        self.pageSize = pageSize
        self.readiness = readiness
    }

    /// The answer to `question` (about record `id` when it takes one) given `values`.
    public func answer(_ question: BureauQuestion, id: String? = nil, _ values: [String: String]) async throws -> JSONValue {
        let q = try QuestionParameters(values, allowed: question.parameters, pageSize: pageSize)
        switch question.shape {
        case .page(let prefix):
            let prefix = try prefix(q)
            try await ready(question.projection, q)
            let page = try await engine.page(question.projection, prefix: prefix, after: q.after, limit: q.limit)
            return Self.object([("projection", .string(question.projection)), ("position", Self.position(page.position)),
                                ("items", .array(page.entries.map(\.value))), ("next", page.next.map(JSONValue.string) ?? .null)])
        case .record(let keyPrefix, let entity):
            return try await record(question.projection, key: keyPrefix, entity: entity, id: id ?? "", q)
        case .deadlines(let prefix):
            let day = try q.date()
            let prefix = try prefix(q)
            try await ready(question.projection, q)
            let page = try await engine.page(question.projection, prefix: prefix, after: q.after, limit: q.limit)
            let items = page.entries.map { entry -> JSONValue in
                var object = entry.value.objectValue ?? JSONObject()
                if let due = entry.value["due"]?.stringValue.flatMap({ CalendarDay($0) }) { object["passed"] = .bool(due < day) }
                return .object(object)
            }
            return Self.object([("projection", .string(question.projection)), ("date", .string(day.description)), ("position", Self.position(page.position)),
                                ("items", .array(items)), ("next", page.next.map(JSONValue.string) ?? .null)])
        case .overdue:
            let day = try q.date()
            try await ready(question.projection, q)
            let page = try await engine.page(question.projection, prefix: "due/", after: q.after, limit: q.limit)
            // Keys sort by due date, so the first key due on or after the day ends the answer.
            let overdue = page.entries.prefix { entry in
                CalendarDay(String(entry.key.dropFirst(4).prefix(10))).map { $0 < day } ?? false
            }
            let next = overdue.count == page.entries.count ? page.next : nil
            return Self.object([("projection", .string(question.projection)), ("date", .string(day.description)), ("position", Self.position(page.position)),
                                ("items", .array(overdue.map(\.value))), ("next", next.map(JSONValue.string) ?? .null)])
        case .divorcePhases(let prefix):
            let day = try q.date()
            try await ready(question.projection, q)
            let page = try await engine.page(question.projection, prefix: prefix, after: q.after, limit: q.limit)
            let items = page.entries.map { entry -> JSONValue in
                var object = entry.value.objectValue ?? JSONObject()
                if let phase = Self.divorcePhase(of: entry.value, on: day) { object["phase"] = .string(phase) }
                return .object(object)
            }
            return Self.object([("projection", .string(question.projection)), ("date", .string(day.description)), ("position", Self.position(page.position)),
                                ("items", .array(items)), ("next", page.next.map(JSONValue.string) ?? .null)])
        case .maritalStatus:
            return try await maritalStatus(idNumber: id ?? "", q)
        case .workPlan:
            return try await workPlan(q)
        }
    }

    private func ready(_ projection: String, _ q: QuestionParameters) async throws {
        if let position = q.minPosition { try await readiness.projection(projection, position) }
    }

    /// One record: live from the read model, or folded from its stream `asOf` a moment.
    private func record(_ projection: String, key prefix: String, entity: String, id: String, _ q: QuestionParameters) async throws -> JSONValue {
        guard !id.isEmpty, id.utf8.count <= 200, (try? StreamName(id)) != nil else {
            throw QuestionError.invalidParameter(name: entity, reason: "is not a record id")
        }
        if let asOf = q.asOf, let text = q.asOfText {
            if let position = q.minPosition { try await readiness.log(position, entity) }
            let state = try await engine.entity(entity, key: id, asOf: asOf)
            guard state.exists else { throw QuestionError.notFound(entity: entity, id: id) }
            return Self.object([(entity, state.state), ("position", Self.position(state.position)), ("asOf", .string(text))])
        }
        try await ready(projection, q)
        let found = try await engine.value(projection, key: prefix + id)
        guard let value = found.value else { throw QuestionError.notFound(entity: entity, id: id) }
        return Self.object([(entity, value), ("position", Self.position(found.position))])
    }

    /// A person's marital record by identity card number: the number is validated and turned into
    /// the pseudonym at once; it is never stored, logged or echoed.
    private func maritalStatus(idNumber text: String, _ q: QuestionParameters) async throws -> JSONValue {
        let number: IDNumber
        do { number = try IDNumber(text) } catch { throw QuestionError.invalidIDNumber(error.description) }
        guard let key = rules.pseudonyms else { throw QuestionError.noPseudonymKey }
        let pseudonym = key.pseudonym(of: number)
        if let asOf = q.asOf, let text = q.asOfText {
            let state = try await engine.entity("person", key: pseudonym, asOf: asOf)
            return Self.object([("person", state.state), ("position", Self.position(state.position)), ("asOf", .string(text))])
        }
        try await ready("marriage", q)
        let found = try await engine.value("marriage", key: "person/" + pseudonym)
        // A person the ledger never registered is answered, not "not found": "no marriage recorded" is the answer.
        let person = found.value ?? ["pseudonym": .string(pseudonym), "status": "no-marriage-recorded", "events": 0]
        return Self.object([("person", person), ("position", Self.position(found.position))])
    }

    /// The work plan dashboard as of `date`.
    private func workPlan(_ q: QuestionParameters) async throws -> JSONValue {
        let day = try q.date()
        try await ready("work-plan", q)
        let status = try await engine.status(of: "work-plan")
        let dashboard = try await WorkPlanDashboard(settings: rules.settings).compute(asOf: day) { prefix in
            // Every entry under the prefix, page by page.
            var entries: [ProjectionEntry] = []
            var after: String?
            repeat {
                let page = try await engine.page("work-plan", prefix: prefix, after: after, limit: 10_000)
                entries += page.entries
                after = page.next
            } while after != nil
            return entries
        }
        var object = dashboard.objectValue ?? JSONObject()
        object["position"] = Self.position(status.position)
        return .object(object)
    }

    /// Where an open application's calendar stands on `day`: `cooling-off` (either party may
    /// withdraw), `registration` (the parties may return to register), `lapsed` (the window has
    /// closed; the service records the lapse on its next pass), or `before-receipt`.
    static func divorcePhase(of application: JSONValue, on day: CalendarDay) -> String? {
        guard let received = application["received"]?.stringValue.flatMap({ CalendarDay($0) }),
              let coolingOffEnds = application["coolingOffEnds"]?.stringValue.flatMap({ CalendarDay($0) }),
              let closes = application["registrationCloses"]?.stringValue.flatMap({ CalendarDay($0) }) else { return nil }
        if day < received { return "before-receipt" }
        if day <= coolingOffEnds { return "cooling-off" }
        return day <= closes ? "registration" : "lapsed"
    }

    /// A log position, or null before the first event.
    static func position(_ position: UInt64?) -> JSONValue {
        position.map { .number(JSONNumber(Int(clamping: $0))) } ?? .null
    }

    /// An object with these members in this order.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in members { object[key] = value }
        return .object(object)
    }
}
