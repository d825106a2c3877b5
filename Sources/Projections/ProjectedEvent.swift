import EventLog
import JSON

/// An event as projections see it: the recorded event, with its payload parsed and upcast to
/// the latest version of its type, so a projection is written against one shape only.
public struct ProjectedEvent: Sendable {
    /// The event as stored: position, stream, type, recorded-at time, metadata, record bytes.
    public let event: RecordedEvent
    /// The schema version `payload` now has (the latest, after upcasting).
    public let schemaVersion: Int
    /// The payload, upcast.
    public let payload: JSONValue

    public init(event: RecordedEvent, schemaVersion: Int, payload: JSONValue) {
        self.event = event
        self.schemaVersion = schemaVersion
        self.payload = payload
    }
}
