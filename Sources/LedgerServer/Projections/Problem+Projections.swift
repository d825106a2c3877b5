import Hummingbird
import Projections

extension ProblemType {
    /// A projection, snapshot or entity kind the server does not have.
    public static let projectionNotFound = ProblemType("projection-not-found", title: "No such projection, snapshot or entity kind", status: 404)
    /// A state key with no value, or an entity with no event up to the moment asked.
    public static let stateNotFound = ProblemType("state-not-found", title: "No state under this key at this moment", status: 404)
    /// `minPosition` was not reached in time; the answer carries the projection's position.
    public static let projectionBehind = ProblemType("projection-behind", title: "The projection has not reached the requested position yet", status: 503)
    /// The projection stopped at an event it could not apply, so it will not reach the position asked.
    public static let projectionFailed = ProblemType("projection-failed", title: "The projection stopped at an event it could not apply", status: 503)
    public static let rebuildInProgress = ProblemType("rebuild-in-progress", title: "A rebuild of this projection is already running", status: 409)
    public static let snapshotReadOnly = ProblemType("snapshot-read-only", title: "A snapshot is read-only", status: 409)

    /// The problem kinds the projection routes add to the core's.
    public static let projectionKinds: [ProblemType] = [
        .projectionNotFound, .stateNotFound, .projectionBehind, .projectionFailed, .rebuildInProgress, .snapshotReadOnly,
    ]
}

extension Problem {
    /// The problem a client gets for an engine's error.
    public init(_ error: ProjectionError) {
        let detail = error.description
        switch error {
        case .unknownProjection(let name):
            self.init(.projectionNotFound, detail: detail, members: [.string("projection", name)])
        case .unknownEntity(let entity):
            self.init(.projectionNotFound, detail: detail, members: [.string("entity", entity)])
        case .behind(let name, let position, let wanted):
            self.init(.projectionBehind, detail: detail,
                      members: [.string("projection", name), .number("position", position), .number("minPosition", wanted)],
                      headers: [.retryAfter: String(Self.retryAfterSeconds)])
        case .failed(let failure):
            self.init(.projectionFailed, detail: detail, members: [
                .number("position", failure.position), .string("eventId", failure.eventID), .string("eventType", failure.type),
                .string("reason", failure.message),
            ])
        case .rebuildInProgress(let name):
            self.init(.rebuildInProgress, detail: detail, members: [.string("projection", name)])
        case .readOnlySnapshot(let label):
            self.init(.snapshotReadOnly, detail: detail, members: [.string("projection", label)])
        case .invalidName:
            self.init(.invalidParameter, detail: detail, members: [.string("parameter", "name")])
        case .invalidKey:
            self.init(.invalidParameter, detail: detail, members: [.string("parameter", "key")])
        case .storage:
            self.init(.storageError, detail: detail)
        }
    }

    /// Runs an engine call, turning its errors into problems.
    static func projecting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ProjectionError { throw Problem(error) }
    }
}
