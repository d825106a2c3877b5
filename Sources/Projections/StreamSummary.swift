import EventLog
import JSON

/// The summary of one stream, shared by `StreamSummaryProjection` (every stream, live) and
/// `StreamFold` (one stream, at any moment), so both answer with the same object.
enum StreamSummary {
    /// The summary of a stream before its first event.
    static func initial(stream: String) -> JSONValue {
        ["stream": .string(stream), "events": 0, "types": .object(JSONObject())]
    }

    /// `summary` after `event`.
    static func adding(_ event: RecordedEvent, to summary: JSONValue) -> JSONValue {
        var object = summary.objectValue ?? JSONObject()
        let events = object["events"]?.numberValue?.intValue ?? 0
        var types = object["types"]?.objectValue ?? JSONObject()
        object["types"] = nil  // so the nested object below is not copied on write
        let seen = types[event.type]?.numberValue?.intValue ?? 0
        types[event.type] = .number(JSONNumber(seen + 1))
        object["events"] = .number(JSONNumber(events + 1))
        object["lastType"] = .string(event.type)
        object["lastPosition"] = .number(JSONNumber(Int(event.position)))
        object["lastRecordedAt"] = .string(Timestamp.rfc3339(microseconds: event.recordedAt))
        object["types"] = .object(types)
        return .object(object)
    }
}

/// `streams`, version 1: a small summary per stream under `stream/<name>`: `{"stream",
/// "events", "lastType", "lastPosition", "lastRecordedAt", "types": {type: count}}`.
///
/// The engine runs it on the typed path (`StreamStateProjection`); `apply` builds the same
/// JSON event by event, for callers that hand it a `ProjectionStateWriter`.
public struct StreamSummaryProjection: StreamStateProjection {
    public let name = "streams"
    public let version = 1
    public let eventTypes: [String] = []
    public var readsPayload: Bool { false }

    public init() {}

    /// The state key of a stream's summary.
    public static func key(for stream: String) -> String { "stream/" + stream }

    public func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        let stream = event.event.stream.rawValue
        let key = Self.key(for: stream)
        let current = try state.take(key) ?? StreamSummary.initial(stream: stream)
        try state.put(key, StreamSummary.adding(event.event, to: current))
    }

    public func key(forStream stream: StreamName) -> String { Self.key(for: stream.rawValue) }

    public func initial(stream: StreamName) -> StreamSummaryValue { StreamSummaryValue(stream: stream.rawValue) }

    public func state(from stored: JSONValue, stream: StreamName) throws -> StreamSummaryValue {
        try StreamSummaryValue(json: stored, stream: stream.rawValue)
    }

    public func add(_ event: EventHeader, to state: inout StreamSummaryValue) throws {
        state.add(event)
    }

    public func writeCanonicalJSON(_ state: StreamSummaryValue, into bytes: inout [UInt8]) {
        state.writeCanonicalJSON(into: &bytes)
    }
}

/// The entity `stream`: one stream's summary (as `streams` keeps it) as of any moment.
public struct StreamFold: EntityFold {
    public let entity = "stream"

    public init() {}

    public func stream(for key: String) throws -> StreamName { try StreamName(key) }

    public func initial(key: String) -> JSONValue { StreamSummary.initial(stream: key) }

    public func fold(_ state: JSONValue, _ event: ProjectedEvent) throws -> JSONValue {
        StreamSummary.adding(event.event, to: state)
    }
}
