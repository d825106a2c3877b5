/// A page of a projection's state, for queries.
public struct ProjectionPage: Sendable {
    /// Entries in key (byte) order.
    public let entries: [ProjectionEntry]
    /// The key to pass as `after` for the next page; nil when this page reached the end.
    public let next: String?
    /// The last log position the state reflects (nil: none applied yet).
    public let position: UInt64?

    public init(entries: [ProjectionEntry], next: String?, position: UInt64?) {
        self.entries = entries
        self.next = next
        self.position = position
    }
}
