import EventLog
import JSON

/// A read model that follows the log: it declares which events it reads and how each one
/// changes its state. The engine feeds it events in log order, many per transaction, and
/// commits its state together with the position it reached.
public protocol Projection: Sendable {
    /// A stable name for routes and commands: lowercase letters, digits and dashes.
    var name: String { get }
    /// Bumped whenever `apply` changes meaning; a new version is rebuilt from the log at start.
    var version: Int { get }
    /// The event type prefixes it reads (`"assistance."`, `"marriage.MarriageRegistered"`);
    /// empty reads every event. Other events still advance its position.
    var eventTypes: [String] { get }
    /// Whether `apply` reads `ProjectedEvent.payload`. A projection that only counts or indexes
    /// events says false and is spared parsing and upcasting every payload (then `payload` is
    /// `.null` and `schemaVersion` is 0). Defaults to true.
    var readsPayload: Bool { get }
    /// Changes the state for one event. Throwing stops the projection at this event (nothing
    /// of the event's transaction is kept); it is never skipped.
    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws
}

extension Projection {
    public var readsPayload: Bool { true }

    /// Whether `type` is one this projection reads.
    public func reads(_ type: String) -> Bool {
        eventTypes.isEmpty || eventTypes.contains { type.hasPrefix($0) }
    }
}
