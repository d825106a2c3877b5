import JSON
import JSONSchema

/// Why the catalog refused one event of a request.
public struct EventRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong with the event.
    public enum Reason: Error, Sendable, Equatable {
        /// The catalog has no such event type.
        case unknownType
        /// The type exists but not at this version; `known` lists the versions that do.
        case unknownVersion(Int, known: [Int])
        /// The metadata's `schemaVersion` is not a whole number from 1; `found` is what was there.
        case invalidSchemaVersion(found: String)
        /// The payload is not JSON at all.
        case payloadNotJSON(JSONParseError)
        /// The payload breaks its schema in each of these ways.
        case violations([Violation])

        /// A stable, machine-readable name.
        public var code: String {
            switch self {
            case .unknownType: "unknown-event-type"
            case .unknownVersion: "unknown-schema-version"
            case .invalidSchemaVersion: "invalid-schema-version"
            case .payloadNotJSON: "payload-not-json"
            case .violations: "schema-violations"
            }
        }
    }

    /// The event's index within the request (0-based, across streams), as `EventLogError` counts.
    public let index: Int
    /// The event's type as sent.
    public let type: String
    /// The schema version it was checked against, when one was found.
    public let version: Int?
    public let reason: Reason

    public init(index: Int, type: String, version: Int?, reason: Reason) {
        self.index = index
        self.type = type
        self.version = version
        self.reason = reason
    }

    /// One sentence a clerk can act on; for violations, a summary (see `violations`).
    public var message: String {
        let type = "\"\(self.type.prefix(80))\""
        switch reason {
        case .unknownType:
            return "\(type) is not an event type of the catalog; `civic-ledger schemas list` or GET /v1/schemas shows them."
        case .unknownVersion(let version, let known):
            return "\(type) has no schema version \(version); its versions are \(Self.list(known))."
        case .invalidSchemaVersion(let found):
            return "The metadata's schemaVersion must be a whole number from 1 naming a version of \(type), not \(found)."
        case .payloadNotJSON(let error):
            return "The payload (data) of \(type) is not valid JSON: \(error)."
        case .violations(let violations):
            let count = violations.count == 1 ? "1 way" : "\(violations.count) ways"
            return "The payload of \(type) breaks its schema (version \(version ?? 0)) in \(count):"
        }
    }

    /// The schema violations (empty for the other reasons).
    public var violations: [Violation] {
        if case .violations(let list) = reason { list } else { [] }
    }

    /// `Event 3: ` and the message, then one indented line per violation.
    public var description: String { described(as: "Event \(index)") }

    /// `label: ` and the message, then one indented line per violation: where in the payload,
    /// the sentence, and the keyword with its schema location.
    public func described(as label: String) -> String {
        (["\(label): \(message)"] + violations.map { v in
            "  \(v.instanceLocation.isRoot ? "(payload)" : v.instanceLocation.description): \(v.message) [\(v.keyword) at \(v.schemaLocation)]"
        }).joined(separator: "\n")
    }

    static func list(_ versions: [Int]) -> String {
        let names = versions.map(String.init)
        guard names.count > 1 else { return names.first ?? "none" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }
}
