import JSON
import JSONSchema

/// A request refused by the catalog: every refused event with every reason. Nothing was written.
public struct CatalogRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The refused events, by index within the request.
    public let events: [EventRefusal]

    public init(events: [EventRefusal]) {
        self.events = events
    }

    /// A stable, machine-readable name for this kind of refusal.
    public static let code = "catalog-refusal"

    /// One sentence for the whole request.
    public var message: String {
        let count = events.count == 1 ? "1 event" : "\(events.count) events"
        return "The event catalog refused \(count) of the request; nothing was written."
    }

    public var description: String { ([message] + events.map(\.description)).joined(separator: "\n") }

    /// The refused events as JSON: `[{"index", "type", "version", "problem", "message",
    /// "violations": [{"pointer", "keyword", "schemaLocation", "message"}]}]`.
    public var eventsJSON: JSONValue { .array(events.map(\.json)) }

    /// `{"error": "catalog-refusal", "message": …, "events": […]}` as compact JSON text.
    public func json() -> [UInt8] {
        JSONValue.ordered([("error", .string(Self.code)), ("message", .string(message)), ("events", eventsJSON)])
            .serializedBytes()
    }
}

extension EventRefusal {
    /// This refusal as one JSON object.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("index", .number(JSONNumber(index))), ("type", .string(type))]
        if let version { members.append(("version", .number(JSONNumber(version)))) }
        if case .unknownVersion(_, let known) = reason {
            members.append(("knownVersions", .array(known.map { .number(JSONNumber($0)) })))
        }
        members += [("problem", .string(reason.code)), ("message", .string(message)),
                    ("violations", .array(violations.map(\.json)))]
        return .ordered(members)
    }
}

extension Violation {
    /// `{"pointer", "keyword", "schemaLocation", "message"}`.
    public var json: JSONValue {
        .ordered([("pointer", .string(instanceLocation.description)), ("keyword", .string(keyword)),
                  ("schemaLocation", .string(schemaLocation)), ("message", .string(message))])
    }
}

extension JSONValue {
    /// An object with these members in this order.
    public static func ordered(_ members: [(String, JSONValue)]) -> JSONValue {
        var object = JSONObject()
        for (key, value) in members { object[key] = value }
        return .object(object)
    }
}
