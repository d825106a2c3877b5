import Catalog
import EventLog
import JSON

extension ProblemType {
    /// `GET /v1/schemas/{type}` for a type (or version) the catalog does not have.
    public static let eventTypeNotFound = ProblemType("event-type-not-found", title: "No such event type or version in the catalog", status: 404)
    /// The problem kinds the catalog's routes and gate add to the core's.
    public static let catalogKinds: [ProblemType] = [.invalidPayload, .eventTypeNotFound]
}

extension Problem {
    /// 422 `invalid-payload` for a request the catalog refused: `events` lists each refused
    /// event (index, stream, type, version, problem, message, violations) and `violations` every
    /// schema violation flat, each with its event's index and a JSON pointer into the payload.
    public init(_ refusal: CatalogRefusal, appends: [StreamAppend]) {
        let streams = appends.flatMap { append in append.events.map { _ in append.stream.rawValue } }
        var events: [JSONValue] = []
        var violations: [JSONValue] = []
        for refused in refusal.events {
            guard case .object(var object) = refused.json else { continue }
            if streams.indices.contains(refused.index) { object["stream"] = .string(streams[refused.index]) }
            events.append(.object(object))
            for violation in refused.violations {
                guard case .object(var entry) = violation.json else { continue }
                var flat = JSONObject()
                flat["event"] = .number(JSONNumber(refused.index))
                for member in entry { flat[member.key] = member.value }
                entry = flat
                violations.append(.object(entry))
            }
        }
        let detail = ([refusal.message] + refusal.events.map { "Event \($0.index): \($0.message.hasSuffix(":") ? $0.message.dropLast() + "." : $0.message)" }).joined(separator: " ")
        self.init(.invalidPayload, detail: detail, members: [
            Member(name: "events", json: JSONValue.array(events).serializedBytes()),
            Member(name: "violations", json: JSONValue.array(violations).serializedBytes()),
        ])
    }
}
