import EventLog

/// Splits an append request body into stream appends without touching payload bytes.
///
/// `data` and `metadata` of each event are kept exactly as sent (they are sliced out of the
/// body, never decoded and re-encoded), so what the log stores is what the client signed off.
enum AppendRequest {
    /// `{"expectedVersion"?, "events": [...]}` for `stream`; pointers are `/events/N`.
    static func singleStream(_ body: [UInt8], stream: StreamName) throws -> [StreamAppend] {
        let members = try topLevelMembers(of: body)
        return [try streamAppend(body, members: members, pointer: "", stream: stream)]
    }

    /// `{"appends": [{"stream", "expectedVersion"?, "events": [...]}]}`; pointers are `/appends/I/events/N`.
    static func multiStream(_ body: [UInt8]) throws -> [StreamAppend] {
        let members = try topLevelMembers(of: body)
        var appendsRange: Range<Int>?
        for (key, range) in members {
            guard key == "appends" else { throw EventLogError.invalidRequest(pointer: "/" + key, reason: "unknown member; the body holds only \"appends\"") }
            appendsRange = range
        }
        guard let appendsRange else { throw EventLogError.invalidRequest(pointer: "/appends", reason: "the list of appends is missing") }
        // The body was validated whole; its parts are only walked from here on.
        guard let elements = ValidatedJSON.elements(of: body, in: appendsRange) else {
            throw EventLogError.invalidRequest(pointer: "/appends", reason: "appends must be an array")
        }
        return try elements.enumerated().map { i, range in
            let pointer = "/appends/\(i)"
            guard let members = ValidatedJSON.members(of: body, in: range) else {
                throw EventLogError.invalidRequest(pointer: pointer, reason: "each append must be an object with stream, expectedVersion and events")
            }
            guard let streamRange = members.first(where: { $0.key == "stream" })?.value else {
                throw EventLogError.invalidRequest(pointer: pointer + "/stream", reason: "the stream is missing")
            }
            guard let name = JSONText.string(body[streamRange]) else {
                throw EventLogError.invalidRequest(pointer: pointer + "/stream", reason: "the stream must be a string")
            }
            return try streamAppend(body, members: members.filter { $0.key != "stream" }, pointer: pointer, stream: StreamName(name))
        }
    }

    /// The body's members; a body that is not JSON is `malformed-json`, one that is not an object is `invalid-request`.
    private static func topLevelMembers(of body: [UInt8]) throws -> [(key: String, value: Range<Int>)] {
        do { return try JSONText.members(of: body) } catch {
            // Only on failure: is it not JSON at all, or JSON of another kind?
            let kind = try JSONText.validate(body)
            throw EventLogError.invalidRequest(pointer: "", reason: "the body must be a JSON object, not \(kind.rawValue)")
        }
    }

    /// `json` is the whole (validated) body; `members` are ranges into it.
    private static func streamAppend(_ json: [UInt8], members: [(key: String, value: Range<Int>)], pointer: String,
                                     stream: StreamName) throws -> StreamAppend {
        var expected = ExpectedVersion.any
        var events: [ProposedEvent]?
        for (key, range) in members {
            switch key {
            case "expectedVersion":
                expected = try expectedVersion(json[range], pointer: pointer + "/expectedVersion")
            case "events":
                guard let elements = ValidatedJSON.elements(of: json, in: range) else {
                    throw EventLogError.invalidRequest(pointer: pointer + "/events", reason: "events must be an array of event objects")
                }
                events = try elements.enumerated().map { i, element in
                    try EventEnvelope(validated: json, in: element, pointer: pointer + "/events/\(i)").event
                }
            default:
                throw EventLogError.invalidRequest(pointer: pointer + "/" + key, reason: "unknown member; expected expectedVersion and events")
            }
        }
        guard let events else { throw EventLogError.invalidRequest(pointer: pointer + "/events", reason: "the events are missing") }
        return StreamAppend(stream: stream, expected: expected, events: events)
    }

    /// `"any"`, `"no-stream"`, `"exists"`, or a version as a number (or a string of digits).
    private static func expectedVersion(_ raw: ArraySlice<UInt8>, pointer: String) throws(EventLogError) -> ExpectedVersion {
        let text = JSONText.string(raw) ?? String(decoding: raw, as: UTF8.self)
        guard let version = ExpectedVersion(text) else {
            throw .invalidRequest(pointer: pointer, reason: "expectedVersion must be \"any\", \"no-stream\", \"exists\" or a non-negative integer")
        }
        return version
    }
}
