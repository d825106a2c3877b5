/// What a projection is doing.
public enum ProjectionPhase: String, Sendable, Codable {
    /// Applying events the log already held when it started (or when it fell behind).
    case catchingUp = "catching-up"
    /// At the log's head, applying appends as they come.
    case live
    /// Stopped at an event its handler refused; see `ProjectionStatus.failure`.
    case failed
    /// Not running in this process (nothing drives it, or it was read beside a server).
    case stopped
}
