import Catalog
import EventLog
import Hummingbird
import JSON
import Projections

/// The projections over HTTP: their status, an operator's rebuild, their state by key or
/// prefix, and any entity's state as of a position or a time.
///
/// Every query takes `minPosition`: the answer waits (bounded) until the projection has
/// applied that log position, else it is the 503 `projection-behind` problem with the
/// projection's position and `Retry-After`.
struct ProjectionRoutes: RouteProvider {
    let service: ProjectionService

    /// Who sees status: everyone who reads, and operators.
    static let statusAccess = RouteAccess.roles([.reader, .auditor, .operator])
    static let queryAccess = RouteAccess.roles(.readers)
    static let rebuildAccess = RouteAccess.roles([.operator])

    func register(on routes: LedgerRoutes) {
        let engine = service.engine
        let server = routes.server
        let readiness = ReadYourWrites(engine: engine, store: server.store)
        routes.get("/v1/projections", access: Self.statusAccess) { _, _ in
            let statuses = try await Problem.projecting { try await engine.statuses() }
            return .json(JSONValue.ordered([("projections", .array(statuses.map(\.json)))]).serializedBytes())
        }
        routes.get("/v1/projections/{name}", access: Self.statusAccess) { _, context in
            let name = try context.pathParameter("name")
            return .json(try await Problem.projecting { try await engine.status(of: name) }.json.serializedBytes())
        }
        routes.post("/v1/projections/{name}/rebuild", access: Self.rebuildAccess) { _, context in
            let name = try context.pathParameter("name")
            let generation = try await Problem.projecting { try await engine.rebuild(name) }
            return .json(JSONValue.ordered([("projection", .string(name)), ("generation", .number(JSONNumber(generation)))]).serializedBytes(),
                         status: .accepted)
        }
        routes.get("/v1/projections/{name}/state", access: Self.queryAccess) { request, context in
            let name = try context.pathParameter("name")
            let query = try ProjectionQuery(request.uri, configuration: server.configuration)
            try await readiness.wait(name, reached: query.minPosition)
            let page = try await Problem.projecting {
                try await engine.page(name, prefix: query.prefix, after: query.after, limit: query.limit)
            }
            let entries = page.entries.map { JSONValue.ordered([("key", .string($0.key)), ("value", $0.value)]) }
            return .json(JSONValue.ordered([
                ("projection", .string(name)), ("position", .position(page.position)),
                ("entries", .array(entries)), ("next", page.next.map(JSONValue.string) ?? .null),
            ]).serializedBytes())
        }
        routes.get("/v1/projections/{name}/state/{key}", access: Self.queryAccess) { request, context in
            let name = try context.pathParameter("name")
            let key = try context.pathParameter("key")
            let query = try ProjectionQuery(request.uri, configuration: server.configuration)
            try await readiness.wait(name, reached: query.minPosition)
            // No key longer than LMDB allows was ever stored.
            let found = key.utf8.count > ProjectionQuery.maxKeyBytes
                ? (value: nil, position: try await Problem.projecting { try await engine.status(of: name) }.position)
                : try await Problem.projecting { try await engine.value(name, key: key) }
            guard let value = found.value else {
                throw Problem(.stateNotFound, detail: "The projection \(name) holds nothing under this key.",
                              members: [.string("projection", name), .string("key", key), .number("position", found.position)])
            }
            return .json(JSONValue.ordered([
                ("projection", .string(name)), ("key", .string(key)), ("value", value), ("position", .position(found.position)),
            ]).serializedBytes())
        }
        routes.get("/v1/entities/{entity}/{key}", access: Self.queryAccess) { request, context in
            let entity = try context.pathParameter("entity")
            let key = try context.pathParameter("key")
            let query = try ProjectionQuery(request.uri, configuration: server.configuration)
            try await readiness.logHolds(query.minPosition, entity: entity)
            let state = try await Problem.projecting { try await engine.entity(entity, key: key, asOf: query.asOf) }
            guard state.exists else {
                throw Problem(.stateNotFound, detail: "The \(entity) \(key) has no event up to the moment asked.",
                              members: [.string("entity", entity), .string("key", key), .number("position", state.position)])
            }
            return .json(JSONValue.ordered([
                ("entity", .string(state.entity)), ("key", .string(state.key)), ("state", state.state),
                ("position", .position(state.position)), ("asOf", query.asOfText.map(JSONValue.string) ?? .null),
            ]).serializedBytes())
        }
    }
}
