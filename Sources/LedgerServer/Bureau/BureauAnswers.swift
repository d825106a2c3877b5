import CivilAffairs
import EventLog
import Hummingbird
import JSON
import Projections

/// How the bureau's questions are answered from the projection engine.
struct BureauAnswers: Sendable {
    let engine: ProjectionEngine
    let configuration: LedgerServerConfiguration
    let readiness: ReadYourWrites
    let rules: BureauRules

    /// A page of a read model under the prefix the filters make.
    func list(_ projection: String, _ request: Request, filters: Set<String>,
              prefix: (BureauQuery) throws -> String) async throws -> Response {
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: filters)
        try await readiness.wait(projection, reached: query.minPosition)
        let page = try await Problem.projecting {
            try await engine.page(projection, prefix: try prefix(query), after: query.after, limit: query.limit)
        }
        return Self.answer([("projection", .string(projection)), ("position", .position(page.position)),
                            ("items", .array(page.entries.map(\.value))), ("next", page.next.map(JSONValue.string) ?? .null)])
    }

    /// One record: live from the read model, or folded from its stream `asOf` a moment.
    func record(_ projection: String, key prefix: String, entity: String, id: String, _ request: Request) async throws -> Response {
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: ["asOf"])
        guard id.utf8.count <= 200, (try? StreamName(id)) != nil else { throw ReadQuery.invalid(entity, "is not a record id") }
        if let asOf = query.asOf, let text = query.asOfText {
            try await readiness.logHolds(query.minPosition, entity: entity)
            let state = try await Problem.projecting { try await engine.entity(entity, key: id, asOf: asOf) }
            guard state.exists else { throw Self.notFound(entity, id) }
            return Self.answer([(entity, state.state), ("position", .position(state.position)), ("asOf", .string(text))])
        }
        try await readiness.wait(projection, reached: query.minPosition)
        let found = try await Problem.projecting { try await engine.value(projection, key: prefix + id) }
        guard let value = found.value else { throw Self.notFound(entity, id) }
        return Self.answer([(entity, value), ("position", .position(found.position))])
    }

    /// Open items of an index `due/<date>/...` or `waiting/<step>/<date>/...`, each marked with whether its deadline passed on `date`.
    func deadlines(_ projection: String, _ request: Request, filters: Set<String>, prefix: (BureauQuery) throws -> String) async throws -> Response {
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: filters.union(["date"]))
        let day = try query.date()
        try await readiness.wait(projection, reached: query.minPosition)
        let page = try await Problem.projecting { try await engine.page(projection, prefix: try prefix(query), after: query.after, limit: query.limit) }
        let items = page.entries.map { entry -> JSONValue in
            var object = entry.value.objectValue ?? JSONObject()
            if let due = entry.value["due"]?.stringValue.flatMap({ CalendarDay($0) }) { object["passed"] = .bool(due < day) }
            return .object(object)
        }
        return Self.answer([("projection", .string(projection)), ("date", .string(day.description)), ("position", .position(page.position)),
                            ("items", .array(items)), ("next", page.next.map(JSONValue.string) ?? .null)])
    }

    /// Items whose next deadline (`due/<date>/<id>`) lies before `date`: overdue on that day.
    func overdue(_ projection: String, _ request: Request) async throws -> Response {
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: ["date"])
        let day = try query.date()
        try await readiness.wait(projection, reached: query.minPosition)
        let page = try await Problem.projecting { try await engine.page(projection, prefix: "due/", after: query.after, limit: query.limit) }
        // Keys sort by due date, so the first key due on or after the day ends the answer.
        let overdue = page.entries.prefix { entry in
            CalendarDay(String(entry.key.dropFirst(4).prefix(10))).map { $0 < day } ?? false
        }
        let next = overdue.count == page.entries.count ? page.next : nil
        return Self.answer([("projection", .string(projection)), ("date", .string(day.description)), ("position", .position(page.position)),
                            ("items", .array(overdue.map(\.value))), ("next", next.map(JSONValue.string) ?? .null)])
    }

    /// A person's marital record by identity card number: the number is validated and turned into
    /// the pseudonym at once; it is never stored, logged or echoed.
    func maritalStatus(idNumber text: String, _ request: Request) async throws -> Response {
        let number: IDNumber
        do { number = try IDNumber(text) } catch { throw Problem(.invalidIDNumber, detail: error.description) }
        guard let key = rules.pseudonyms else {
            throw Problem(.unavailable, detail: "This ledger has no pseudonym key, so persons cannot be looked up.")
        }
        let pseudonym = key.pseudonym(of: number)
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: ["asOf"])
        if let asOf = query.asOf, let text = query.asOfText {
            let state = try await Problem.projecting { try await engine.entity("person", key: pseudonym, asOf: asOf) }
            return Self.answer([("person", state.state), ("position", .position(state.position)), ("asOf", .string(text))])
        }
        try await readiness.wait("marriage", reached: query.minPosition)
        let found = try await Problem.projecting { try await engine.value("marriage", key: "person/" + pseudonym) }
        // A person the ledger never registered is answered, not 404: "no marriage recorded" is the answer.
        let person = found.value ?? ["pseudonym": .string(pseudonym), "status": "no-marriage-recorded", "events": 0]
        return Self.answer([("person", person), ("position", .position(found.position))])
    }

    /// The work plan dashboard as of `date`.
    func workPlan(_ request: Request) async throws -> Response {
        let query = try BureauQuery(request.uri, configuration: configuration, allowed: ["date"])
        let day = try query.date()
        try await readiness.wait("work-plan", reached: query.minPosition)
        let status = try await Problem.projecting { try await engine.status(of: "work-plan") }
        let dashboard = try await Problem.projecting {
            try await WorkPlanDashboard(settings: rules.settings).compute(asOf: day) { prefix in
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
        }
        var object = dashboard.objectValue ?? JSONObject()
        object["position"] = .position(status.position)
        return Self.answer(object.members.map { ($0.key, $0.value) })
    }

    static func notFound(_ entity: String, _ id: String) -> Problem {
        Problem(.stateNotFound, detail: "No \(entity) \(id) is recorded.", members: [.string("entity", entity), .string("key", id)])
    }

    static func answer(_ members: [(String, JSONValue)]) -> Response {
        .json(JSONValue.ordered(members).serializedBytes())
    }
}
