/// Where a projection stands, for `GET /v1/projections` and `projections status`.
public struct ProjectionStatus: Sendable, Codable, Equatable {
    public let name: String
    /// The version of the live generation's code.
    public let version: Int
    /// The live generation (the one queries read).
    public let generation: Int
    /// The last log position the live generation applied (nil: nothing applied yet).
    public let position: UInt64?
    /// The log's head when the status was taken (nil: empty log).
    public let head: UInt64?
    /// Events between `position` and `head`.
    public let lag: UInt64
    public let phase: ProjectionPhase
    /// Recent rate of the live generation.
    public let eventsPerSecond: Double
    /// Seconds until the live generation reaches the head, while catching up.
    public let etaSeconds: Double?
    /// Why it stopped, when it did.
    public let failure: ProjectionFailure?
    /// A generation being built beside the live one.
    public let rebuild: RebuildProgress?
    /// Read-only generations (`name@POS`) kept beside the live one.
    public let snapshots: [String]

    public init(name: String, version: Int, generation: Int, position: UInt64?, head: UInt64?, lag: UInt64,
                phase: ProjectionPhase, eventsPerSecond: Double, etaSeconds: Double?, failure: ProjectionFailure?,
                rebuild: RebuildProgress?, snapshots: [String]) {
        self.name = name
        self.version = version
        self.generation = generation
        self.position = position
        self.head = head
        self.lag = lag
        self.phase = phase
        self.eventsPerSecond = eventsPerSecond
        self.etaSeconds = etaSeconds
        self.failure = failure
        self.rebuild = rebuild
        self.snapshots = snapshots
    }
}
