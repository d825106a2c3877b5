import EventLog
import Foundation
import JSON

/// Every upcaster of the catalog, to read any stored payload as the latest version of its type.
public struct Upcasters: Sendable {
    private let steps: [String: [Int: Upcaster]]
    private let latest: [String: Int]

    /// The upcasters the catalog's schemas declare in `x-upcast`, with `coded` ones replacing the
    /// declared step of the same type and version (for changes that are more than added members).
    /// Refused when a version of the catalog has no way to be reached from the one before.
    public init(catalog: EventCatalog, coded: [Upcaster] = []) throws(UpcastError) {
        var steps: [String: [Int: Upcaster]] = [:]
        var latest: [String: Int] = [:]
        for schema in catalog.schemas {
            latest[schema.type] = max(latest[schema.type] ?? 0, schema.version)
            if let declaration = schema.upcast {
                steps[schema.type, default: [:]][declaration.from] = Upcaster(type: schema.type, declaration: declaration)
            }
        }
        for upcaster in coded { steps[upcaster.type, default: [:]][upcaster.from] = upcaster }
        for (type, newest) in latest {
            let oldest = catalog.versions(of: type).first ?? newest
            for version in oldest..<newest where steps[type]?[version] == nil {
                throw UpcastError(type: type, version: version, reason: "no upcaster turns version \(version) into \(version + 1)")
            }
        }
        self.steps = steps
        self.latest = latest
    }

    /// The latest version of `type`; nil for a type the catalog does not know.
    public func latestVersion(of type: String) -> Int? { latest[type] }

    /// `payload` of `type` at `version`, read as the latest version of the type.
    public func upcast(type: String, version: Int, payload: JSONValue) throws(UpcastError) -> UpcastPayload {
        guard let newest = latest[type] else { throw UpcastError(type: type, version: version, reason: "the catalog does not know this type") }
        guard version <= newest else {
            throw UpcastError(type: type, version: version, reason: "the newest version the catalog knows is \(newest)")
        }
        guard version < newest else { return UpcastPayload(version: version, payload: payload) }
        guard var object = payload.objectValue else {
            throw UpcastError(type: type, version: version, reason: "the payload is \(payload.typeName), not an object")
        }
        for from in version..<newest {
            guard let step = steps[type]?[from] else {
                throw UpcastError(type: type, version: from, reason: "no upcaster turns version \(from) into \(from + 1)")
            }
            object = step(object)
        }
        return UpcastPayload(version: newest, payload: .object(object))
    }

    /// A stored event's payload read as the latest version of its type; its own version comes
    /// from its metadata (`SchemaVersion.stored`).
    public func upcast(_ event: RecordedEvent) throws(UpcastError) -> UpcastPayload {
        let version = SchemaVersion.stored(metadata: event.metadata)
        let payload: JSONValue
        do { payload = try JSONParser().parse(event.payload) } catch {
            throw UpcastError(type: event.type, version: version, reason: "the stored payload is not JSON: \(error)")
        }
        return try upcast(type: event.type, version: version, payload: payload)
    }
}

/// A payload as a reader sees it after upcasting.
public struct UpcastPayload: Sendable, Equatable {
    /// The version the payload now follows (the latest of its type).
    public let version: Int
    public let payload: JSONValue
}

/// Why a payload could not be read as the latest version of its type.
public struct UpcastError: Error, Sendable, Equatable, CustomStringConvertible {
    public let type: String
    /// The version being read when it failed.
    public let version: Int
    public let reason: String

    public var description: String { "\(type) version \(version) cannot be upcast: \(reason)." }
}
