import Foundation

/// An event as an appender proposes it, before the log gives it a position.
public struct ProposedEvent: Sendable, Equatable {
    /// Chosen by the client so that a retry is recognised; generated when the client gives none.
    public var id: UUID
    public var type: String
    /// A JSON object, stored byte for byte as given.
    public var payload: [UInt8] {
        get { storedPayload }
        set { storedPayload = newValue; payloadIsValidObject = false }
    }
    private var storedPayload: [UInt8]
    /// True when the payload was cut out of a request body already validated as JSON and is an
    /// object, so the log need not scan it again. Any change to the payload clears it.
    package var payloadIsValidObject = false
    /// A JSON object; known keys: `actor`, `onBehalfOf`, `source`, `correlationId`, `causationId`.
    public var metadata: [UInt8]

    public init(id: UUID = EventID.next(), type: String, payload: [UInt8], metadata: [UInt8] = Array("{}".utf8)) {
        self.id = id
        self.type = type
        self.storedPayload = payload
        self.metadata = metadata
    }

    /// Events are equal when their id, type, payload and metadata are (whether the payload was
    /// already checked does not matter).
    public static func == (a: ProposedEvent, b: ProposedEvent) -> Bool {
        a.id == b.id && a.type == b.type && a.storedPayload == b.storedPayload && a.metadata == b.metadata
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
