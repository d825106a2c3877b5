import EventLog
import JSON

/// What the rules know of an event already in a stream (or admitted earlier in the same import):
/// its type and its parsed payload.
public struct PastEvent: Sendable {
    public let type: String
    public let payload: JSONValue

    public init(type: String, payload: JSONValue) {
        self.type = type
        self.payload = payload
    }

    public init(_ event: RecordedEvent) { self.init(type: event.type, payload: payloadValue(event.payload)) }
    public init(_ event: ProposedEvent) { self.init(type: event.type, payload: payloadValue(event.payload)) }
}
