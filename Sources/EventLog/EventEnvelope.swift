import Foundation

/// One event as JSON on the wire (an NDJSON line, or an element of an HTTP request's `events`):
/// `{"id"?, "type", "data", "metadata"?}`, plus `"stream"` where the line names its own stream.
///
/// `data` and `metadata` are kept as the exact bytes the client sent.
public struct EventEnvelope: Sendable {
    public var stream: String?
    public var event: ProposedEvent

    /// Decodes an envelope; `pointer` says where it sits in the request, for errors.
    public init(json bytes: [UInt8], pointer: String = "", allowStream: Bool = false) throws(EventLogError) {
        let members: [(key: String, value: Range<Int>)]
        do { members = try JSONText.members(of: bytes) } catch {
            throw .invalidRequest(pointer: pointer, reason: "an event must be a JSON object: \(error)")
        }
        try self.init(bytes, members: members, pointer: pointer, allowStream: allowStream, validated: false)
    }

    /// Decodes the envelope at `range` of a text that was already validated as a whole (a
    /// request body), without scanning it again; its payload is marked as checked when it is an object.
    package init(validated bytes: [UInt8], in range: Range<Int>, pointer: String) throws(EventLogError) {
        guard let members = ValidatedJSON.members(of: bytes, in: range) else {
            throw .invalidRequest(pointer: pointer, reason: "an event must be a JSON object, not \(ValidatedJSON.kind(of: bytes, in: range).article)")
        }
        try self.init(bytes, members: members, pointer: pointer, allowStream: false, validated: true)
    }

    private init(_ bytes: [UInt8], members: [(key: String, value: Range<Int>)], pointer: String, allowStream: Bool,
                 validated: Bool) throws(EventLogError) {
        var id: UUID?, type: String?, data: Range<Int>?, metadata: [UInt8]?, stream: String?
        for (key, range) in members {
            let value = bytes[range]
            switch key {
            case "id":
                guard let text = JSONText.string(value), let uuid = UUID(uuidString: text) else {
                    throw .invalidRequest(pointer: pointer + "/id", reason: "the id must be a UUID string such as \"3f2b…\"")
                }
                id = uuid
            case "type":
                guard let text = JSONText.string(value) else { throw .invalidRequest(pointer: pointer + "/type", reason: "the type must be a string") }
                type = text
            case "data": data = range
            case "metadata": metadata = Array(value)
            case "stream" where allowStream:
                guard let text = JSONText.string(value) else { throw .invalidRequest(pointer: pointer + "/stream", reason: "the stream must be a string") }
                stream = text
            default:
                throw .invalidRequest(pointer: pointer + "/" + key, reason: "unknown member \"\(key)\"; an event has id, type, data and metadata" + (allowStream ? " and stream" : ""))
            }
        }
        guard let type else { throw .invalidRequest(pointer: pointer + "/type", reason: "the event's type is missing") }
        guard let data else { throw .invalidRequest(pointer: pointer + "/data", reason: "the event's data (its payload object) is missing") }
        if allowStream && stream == nil {
            throw .invalidRequest(pointer: pointer + "/stream", reason: "each line must name its stream")
        }
        self.stream = stream
        self.event = ProposedEvent(id: id ?? EventID.next(), type: type, payload: Array(bytes[data]), metadata: metadata ?? Array("{}".utf8))
        // A validated text's value that opens with a brace is a whole, valid object.
        event.payloadIsValidObject = validated && bytes[data.lowerBound] == UInt8(ascii: "{")
    }
}
