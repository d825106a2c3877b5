import Foundation

/// An event as an appender proposes it, before the log gives it a position.
public struct ProposedEvent: Sendable, Equatable {
    /// Chosen by the client so that a retry is recognised; generated when the client gives none.
    public var id: UUID
    public var type: String
    /// A JSON object, stored byte for byte as given.
    public var payload: [UInt8]
    /// A JSON object; known keys: `actor`, `onBehalfOf`, `source`, `correlationId`, `causationId`.
    public var metadata: [UInt8]

    public init(id: UUID = EventID.next(), type: String, payload: [UInt8], metadata: [UInt8] = Array("{}".utf8)) {
        self.id = id
        self.type = type
        self.payload = payload
        self.metadata = metadata
    }

    public init(id: UUID = EventID.next(), type: String, payload: String, metadata: String = "{}") {
        self.init(id: id, type: type, payload: Array(payload.utf8), metadata: Array(metadata.utf8))
    }
}

/// The events for one stream within a request, with what the appender expects of the stream.
public struct StreamAppend: Sendable, Equatable {
    public var stream: StreamName
    public var expected: ExpectedVersion
    public var events: [ProposedEvent]

    public init(stream: StreamName, expected: ExpectedVersion = .any, events: [ProposedEvent]) {
        self.stream = stream
        self.expected = expected
        self.events = events
    }
}
