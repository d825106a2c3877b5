/// The event a projection stopped at, and why. The event was not applied and not skipped:
/// the projection's state and position stay at its last commit before it.
public struct ProjectionFailure: Sendable, Codable, Equatable {
    /// The log position of the event.
    public let position: UInt64
    /// The event's id (UUID text).
    public let eventID: String
    /// The event's type.
    public let type: String
    /// What the handler (or reading the payload) reported.
    public let message: String

    public init(position: UInt64, eventID: String, type: String, message: String) {
        self.position = position
        self.eventID = eventID
        self.type = type
        self.message = message
    }
}
