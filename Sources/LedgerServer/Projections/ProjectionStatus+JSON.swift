import Catalog
import JSON
import Projections

/// The JSON the routes answer with; every member is always present (null when unknown), as
/// `Schemas/openapi.yaml` documents it.
extension ProjectionStatus {
    var json: JSONValue {
        .ordered([
            ("name", .string(name)), ("version", .number(JSONNumber(version))), ("generation", .number(JSONNumber(generation))),
            ("phase", .string(phase.rawValue)), ("position", .position(position)), ("head", .position(head)),
            ("lag", .position(lag)), ("eventsPerSecond", .rate(eventsPerSecond)), ("etaSeconds", etaSeconds.map(JSONValue.rate) ?? .null),
            ("failure", failure?.json ?? .null), ("rebuild", rebuild?.json ?? .null),
            ("snapshots", .array(snapshots.map(JSONValue.string))),
        ])
    }

    /// The short form `/ready` lists.
    var readiness: JSONValue {
        .ordered([("name", .string(name)), ("phase", .string(phase.rawValue)), ("generation", .number(JSONNumber(generation))),
                  ("position", .position(position)), ("lag", .position(lag)), ("failure", failure?.json ?? .null)])
    }
}

extension ProjectionFailure {
    var json: JSONValue {
        .ordered([("position", .position(position)), ("eventId", .string(eventID)), ("type", .string(type)), ("message", .string(message))])
    }
}

extension RebuildProgress {
    var json: JSONValue {
        .ordered([("generation", .number(JSONNumber(generation))), ("position", .position(position)),
                  ("eventsPerSecond", .rate(eventsPerSecond)), ("etaSeconds", etaSeconds.map(JSONValue.rate) ?? .null)])
    }
}

extension JSONValue {
    /// A log position or count; null when there is none.
    static func position(_ value: UInt64?) -> JSONValue {
        guard let value else { return .null }
        return .number(JSONNumber(Int(clamping: value)))
    }

    /// A rate or duration, to a tenth; a value that is not finite reads as 0.
    static func rate(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .number(JSONNumber(0)) }
        return JSONNumber((value * 10).rounded() / 10).map(JSONValue.number) ?? .number(JSONNumber(0))
    }
}
