import Foundation

/// Where one appended event landed.
public struct AppendedEvent: Sendable, Equatable, Codable {
    public let id: UUID
    public let version: UInt64
    public let position: UInt64
}

/// The outcome of appending to one stream.
public struct StreamAppendResult: Sendable, Equatable {
    public let stream: StreamName
    public let events: [AppendedEvent]
    /// The stream's version after this append (its last event's version).
    public var streamVersion: UInt64 { events.last!.version }
}

/// The outcome of an append request.
public struct AppendResult: Sendable, Equatable {
    public let streams: [StreamAppendResult]
    /// True when every event was already in the log with identical content: nothing was written
    /// and these are the original positions.
    public let replayed: Bool

    /// The position of the request's last event: what a reader waits for to see this write.
    public var lastPosition: UInt64 { streams.flatMap(\.events).map(\.position).max()! }
}
