import Foundation
import JSON
import JSONSchema

/// Every event type the ledger accepts, with the JSON Schema of each of its versions.
///
/// Loaded once at start (`load(from:)`, `locateAndLoad(explicit:)`), then shared: it is an
/// immutable value, safe to use from any task.
public struct EventCatalog: Sendable {
    /// Each type's schemas, oldest version first.
    private let versionsByType: [String: [EventSchema]]
    /// The Schemas folder it was read from; nil for a catalog built in memory.
    public let directory: URL?

    /// A catalog of `schemas`; refused if a type and version appear twice.
    public init(schemas: [EventSchema], directory: URL? = nil) throws(CatalogLoadError) {
        var byType: [String: [EventSchema]] = [:]
        for schema in schemas {
            if let twin = byType[schema.type]?.first(where: { $0.version == schema.version }) {
                throw CatalogLoadError(.unreadable("\(schema.type) version \(schema.version) is also defined by \(twin.file)"),
                                       file: schema.file)
            }
            byType[schema.type, default: []].append(schema)
        }
        versionsByType = byType.mapValues { $0.sorted { $0.version < $1.version } }
        self.directory = directory
    }

    /// The event types, sorted.
    public var types: [String] { versionsByType.keys.sorted() }

    /// Every schema, by type then version.
    public var schemas: [EventSchema] { types.flatMap { versionsByType[$0]! } }

    /// The versions of `type`, ascending; empty for a type the catalog does not know.
    public func versions(of type: String) -> [Int] { versionsByType[type]?.map(\.version) ?? [] }

    /// The newest schema of `type`.
    public func latest(_ type: String) -> EventSchema? { versionsByType[type]?.last }

    /// The schema of `type` at `version`, or the latest when `version` is nil.
    public func schema(_ type: String, version: Int? = nil) throws(EventRefusal.Reason) -> EventSchema {
        guard let schemas = versionsByType[type] else { throw .unknownType }
        guard let version else { return schemas[schemas.count - 1] }
        guard let schema = schemas.first(where: { $0.version == version }) else {
            throw .unknownVersion(version, known: schemas.map(\.version))
        }
        return schema
    }

    /// Every way `payload` (JSON bytes) breaks the schema of `type` at `version` (latest when
    /// nil); empty when valid. Throws when the type or version is unknown or the bytes are not JSON.
    public func validate(type: String, version: Int? = nil, payload: [UInt8]) throws(EventRefusal.Reason) -> [Violation] {
        let schema = try schema(type, version: version)
        // The parser reads the caller's buffer in place; the parsed value is the only copy.
        let value: JSONValue
        do { value = try JSONParser().parse(payload) } catch { throw .payloadNotJSON(error) }
        return schema.validate(value)
    }
}
