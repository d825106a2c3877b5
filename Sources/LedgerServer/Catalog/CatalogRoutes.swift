import Catalog
import Hummingbird
import JSON

/// `GET /v1/schemas` (every event type with its versions) and `GET /v1/schemas/{type}` (one
/// type's JSON Schema as written, the latest unless `?version=N`), for people writing
/// integrations. Any authenticated role may read them.
public struct CatalogRoutes: RouteProvider {
    public let catalog: EventCatalog

    public init(catalog: EventCatalog) {
        self.catalog = catalog
    }

    public func register(on routes: LedgerRoutes) {
        let catalog = self.catalog
        let everyRole = RouteAccess.roles(Set(Role.allCases))
        let list = Self.list(catalog)
        routes.get("/v1/schemas", access: everyRole) { _, _ in .json(list) }
        routes.get("/v1/schemas/{type}", access: everyRole) { request, context in
            let type = try context.pathParameter("type")
            var version: Int?
            if let text = request.uri.queryParameters["version"] {
                guard let number = Int(text), number >= 1 else {
                    throw Problem.invalidParameter("version", "The version must be a whole number from 1.")
                }
                version = number
            }
            do throws(EventRefusal.Reason) {
                let schema = try catalog.schema(type, version: version)
                return Response(status: .ok, headers: [.contentType: "application/schema+json"],
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: schema.text)))
            } catch {
                let refusal = EventRefusal(index: 0, type: type, version: version, reason: error)
                throw Problem(.eventTypeNotFound, detail: refusal.message, members: [.string("eventType", type)])
            }
        }
    }

    /// `{"schemas": [{"type", "versions", "latest", "zh", "description", "href"}]}`.
    static func list(_ catalog: EventCatalog) -> [UInt8] {
        let entries: [JSONValue] = catalog.types.compactMap { type in
            guard let latest = catalog.latest(type) else { return nil }
            return .ordered([
                ("type", .string(type)),
                ("versions", .array(catalog.versions(of: type).map { .number(JSONNumber($0)) })),
                ("latest", .number(JSONNumber(latest.version))),
                ("zh", latest.chineseName.map(JSONValue.string) ?? .null),
                ("description", latest.summary.map(JSONValue.string) ?? .null),
                ("href", .string("/v1/schemas/\(type)")),
            ])
        }
        return JSONValue.ordered([("schemas", .array(entries))]).serializedBytes()
    }
}
