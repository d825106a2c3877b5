import Foundation

/// One event as JSON on the wire (an NDJSON line, or an element of an HTTP request's `events`):
/// `{"id"?, "type", "data", "metadata"?}`, plus `"stream"` where the line names its own stream.
///
/// `data` and `metadata` are kept as the exact bytes the client sent.
public struct EventEnvelope: Sendable {
    public var stream: String?
    public var event: ProposedEvent

    static let members: Set<String> = ["id", "type", "data", "metadata", "stream"]

    /// Decodes an envelope; `pointer` says where it sits in the request, for errors.
    public init(json bytes: [UInt8], pointer: String = "", allowStream: Bool = false) throws(EventLogError) {
        let members: [(key: String, value: Range<Int>)]
        do { members = try JSONText.members(of: bytes) } catch {
            throw .invalidRequest(pointer: pointer, reason: "an event must be a JSON object: \(error)")
        }
        var id: UUID?, type: String?, data: [UInt8]?, metadata: [UInt8]?, stream: String?
        for (key, range) in members {
            let value = bytes[range]
            let at = pointer + "/" + key
            switch key {
            case "id":
                guard let text = JSONText.string(value), let uuid = UUID(uuidString: text) else {
                    throw .invalidRequest(pointer: at, reason: "the id must be a UUID string such as \"3f2b…\"")
                }
                id = uuid
            case "type":
                guard let text = JSONText.string(value) else { throw .invalidRequest(pointer: at, reason: "the type must be a string") }
                type = text
            case "data": data = Array(value)
            case "metadata": metadata = Array(value)
            case "stream" where allowStream:
                guard let text = JSONText.string(value) else { throw .invalidRequest(pointer: at, reason: "the stream must be a string") }
                stream = text
            default:
                throw .invalidRequest(pointer: at, reason: "unknown member \"\(key)\"; an event has id, type, data and metadata" + (allowStream ? " and stream" : ""))
            }
        }
        guard let type else { throw .invalidRequest(pointer: pointer + "/type", reason: "the event's type is missing") }
        guard let data else { throw .invalidRequest(pointer: pointer + "/data", reason: "the event's data (its payload object) is missing") }
        if allowStream && stream == nil {
            throw .invalidRequest(pointer: pointer + "/stream", reason: "each line must name its stream")
        }
        self.stream = stream
        self.event = ProposedEvent(id: id ?? EventID.next(), type: type, payload: data, metadata: metadata ?? Array("{}".utf8))
    }
}
