/// A generation being built beside the live one (a rebuild or a snapshot).
public struct RebuildProgress: Sendable, Codable, Equatable {
    /// The generation being built.
    public let generation: Int
    /// The last log position it has applied (nil: none yet).
    public let position: UInt64?
    /// Its recent rate.
    public let eventsPerSecond: Double
    /// Seconds until it reaches the head at that rate; nil when unknown.
    public let etaSeconds: Double?

    public init(generation: Int, position: UInt64?, eventsPerSecond: Double, etaSeconds: Double?) {
        self.generation = generation
        self.position = position
        self.eventsPerSecond = eventsPerSecond
        self.etaSeconds = etaSeconds
    }
}
