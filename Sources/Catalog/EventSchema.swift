import JSON
import JSONSchema

/// One version of one event type: its schema compiled once, and the file it came from.
public struct EventSchema: Sendable {
    /// The event type, `<domain>.<PastTenseVerbPhrase>`, e.g. `assistance.ReliefPaid`.
    public let type: String
    /// The schema version, from 1.
    public let version: Int
    /// The schema document as written (for `schemas show` and `GET /v1/schemas/{type}`).
    public let document: JSONValue
    /// The file's bytes exactly as written.
    public let text: [UInt8]
    /// Where the file is, relative to the Schemas folder, e.g. `events/assistance/ReliefPaid.v2.schema.json`.
    public let file: String
    /// How a payload of the previous version reads as this one (versions above 1 only).
    public let upcast: UpcastDeclaration?
    private let compiled: JSONSchema

    init(type: String, version: Int, document: JSONValue, text: [UInt8], file: String,
         upcast: UpcastDeclaration?, compiled: JSONSchema) {
        self.type = type
        self.version = version
        self.document = document
        self.text = text
        self.file = file
        self.upcast = upcast
        self.compiled = compiled
    }

    /// The domain, the part of the type before the dot (`assistance`).
    public var domain: String { String(type.prefix { $0 != "." }) }
    /// The Chinese name (`x-zh`), for lists and screens.
    public var chineseName: String? { document["x-zh"]?.stringValue }
    /// What the event records, in English (the schema's `description`).
    public var summary: String? { document["description"]?.stringValue }

    /// Every way `payload` breaks this schema; empty when it is valid.
    public func validate(_ payload: JSONValue) -> [Violation] { compiled.validate(payload) }

    /// Whether `payload` is valid; stops at the first problem.
    public func isValid(_ payload: JSONValue) -> Bool { compiled.isValid(payload) }
}

/// A schema's `x-upcast`: the members a payload of version `from` gains to read as this version.
public struct UpcastDeclaration: Sendable, Hashable {
    /// The version this one is read from, always the one before.
    public let from: Int
    /// Members added to the older payload, with their values.
    public let add: JSONObject
    /// Why the added values are right for old events.
    public let why: String?
}
