import EventLog
import JSON

/// How one kind of entity (a stream, a relief case) is read at any moment: its state is the
/// fold of its own stream's events, so it can be computed as of any position or time.
public protocol EntityFold: Sendable {
    /// The route segment naming the kind of entity, e.g. `stream` or `relief-case`.
    var entity: String { get }
    /// The stream that holds the entity's events; throws for a key that names none.
    func stream(for key: String) throws -> StreamName
    /// The state before any event.
    func initial(key: String) -> JSONValue
    /// The state after `event`.
    func fold(_ state: JSONValue, _ event: ProjectedEvent) throws -> JSONValue
}

/// An entity's state at a moment.
public struct EntityState: Sendable {
    public let entity: String
    public let key: String
    public let state: JSONValue
    /// The log position of the last event folded: the state holds from there up to the moment
    /// asked for. Nil when no event was folded.
    public let position: UInt64?
    /// Whether the entity had any event by then.
    public let exists: Bool

    public init(entity: String, key: String, state: JSONValue, position: UInt64?, exists: Bool) {
        self.entity = entity
        self.key = key
        self.state = state
        self.position = position
        self.exists = exists
    }
}
