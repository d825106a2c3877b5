/// Why a projection request could not be answered.
public enum ProjectionError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No projection or snapshot has this name.
    case unknownProjection(String)
    /// No entity fold has this name.
    case unknownEntity(String)
    /// The projection did not reach `wanted` within the wait allowed; it stands at `position`.
    case behind(name: String, position: UInt64?, wanted: UInt64)
    /// The projection stopped at an event and will not reach the position asked for.
    case failed(ProjectionFailure)
    /// A rebuild of this projection is already running.
    case rebuildInProgress(String)
    /// A snapshot cannot be rebuilt or written; or a live projection cannot be removed as one.
    case readOnlySnapshot(String)
    /// A projection or snapshot name that is not well formed, or that already exists.
    case invalidName(String)
    /// An entity key that names no stream.
    case invalidKey(String)
    /// The projections' storage failed (or this engine was opened read-only for a write).
    case storage(String)

    /// A stable kebab-case code for problem documents and exit messages.
    public var code: String {
        switch self {
        case .unknownProjection: "unknown-projection"
        case .unknownEntity: "unknown-entity"
        case .behind: "projection-behind"
        case .failed: "projection-failed"
        case .rebuildInProgress: "rebuild-in-progress"
        case .readOnlySnapshot: "read-only-snapshot"
        case .invalidName: "invalid-projection-name"
        case .invalidKey: "invalid-entity-key"
        case .storage: "projection-storage"
        }
    }

    public var description: String {
        switch self {
        case .unknownProjection(let name): "There is no projection or snapshot named '\(name)'."
        case .unknownEntity(let name): "There is no entity kind named '\(name)'."
        case let .behind(name, position, wanted):
            "Projection '\(name)' has not reached position \(wanted) in time; it stands at \(position.map(String.init) ?? "none")."
        case .failed(let failure):
            "The projection stopped at position \(failure.position) (event \(failure.eventID), \(failure.type)): \(failure.message)"
        case .rebuildInProgress(let name): "A rebuild of projection '\(name)' is already running."
        case .readOnlySnapshot(let name): "'\(name)' is a read-only snapshot, or is not one where a snapshot is needed."
        case .invalidName(let reason): "Invalid projection name: \(reason)."
        case .invalidKey(let reason): "Invalid entity key: \(reason)."
        case .storage(let reason): "Projection storage failed: \(reason)."
        }
    }
}
