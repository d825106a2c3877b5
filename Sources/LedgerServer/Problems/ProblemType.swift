/// A kind of problem the API reports: a stable `type` URI, a short title and an HTTP status.
///
/// Clients branch on the `type`, never on the detail text. Every kind is listed in
/// `Schemas/openapi.yaml`; a test checks that the two agree.
public struct ProblemType: Sendable, Hashable, CustomStringConvertible {
    /// The last segment of the type URI, e.g. `wrong-expected-version`.
    public let slug: String
    public let title: String
    public let status: Int

    public init(_ slug: String, title: String, status: Int) {
        self.slug = slug
        self.title = title
        self.status = status
    }

    public static let baseURI = "https://civic-ledger.example/problems/"

    /// The `type` member of the problem document.
    public var uri: String { Self.baseURI + slug }
    public var description: String { uri }
}

extension ProblemType {
    // 400: the request itself is wrong.
    public static let malformedJSON = ProblemType("malformed-json", title: "The body is not well-formed JSON", status: 400)
    public static let invalidRequest = ProblemType("invalid-request", title: "The request does not have the expected shape", status: 400)
    public static let invalidParameter = ProblemType("invalid-parameter", title: "A path, query or header parameter is invalid", status: 400)
    public static let invalidStreamName = ProblemType("invalid-stream-name", title: "The stream name is invalid", status: 400)
    public static let invalidEventType = ProblemType("invalid-event-type", title: "The event type is invalid", status: 400)
    public static let invalidMetadata = ProblemType("invalid-metadata", title: "The event metadata is invalid", status: 400)
    public static let emptyRequest = ProblemType("empty-request", title: "The request holds no events", status: 400)
    public static let duplicateEventInRequest = ProblemType("duplicate-event-in-request", title: "An event id appears twice in the request", status: 400)
    public static let duplicateStreamInRequest = ProblemType("duplicate-stream-in-request", title: "A stream appears twice in the request", status: 400)
    // 401 and 403: who is asking.
    public static let unauthorized = ProblemType("unauthorized", title: "A valid bearer token is required", status: 401)
    public static let forbidden = ProblemType("forbidden", title: "The token's role may not use this route", status: 403)
    public static let eventTypeNotAllowed = ProblemType("event-type-not-allowed", title: "The token may not append events of this type", status: 403)
    // 404.
    public static let notFound = ProblemType("not-found", title: "No such route", status: 404)
    public static let streamNotFound = ProblemType("stream-not-found", title: "No such stream", status: 404)
    public static let eventNotFound = ProblemType("event-not-found", title: "No such event", status: 404)
    // 409: the log is not as the request expected.
    public static let wrongExpectedVersion = ProblemType("wrong-expected-version", title: "The stream is not at the expected version", status: 409)
    public static let idConflict = ProblemType("id-conflict", title: "The event id is already used with other content", status: 409)
    // 413, 415, 422.
    public static let bodyTooLarge = ProblemType("body-too-large", title: "The request body is too large", status: 413)
    public static let eventTooLarge = ProblemType("event-too-large", title: "An event is too large", status: 413)
    public static let tooManyEvents = ProblemType("too-many-events", title: "The request holds too many events", status: 413)
    public static let unsupportedMediaType = ProblemType("unsupported-media-type", title: "The body must be application/json", status: 415)
    public static let invalidPayload = ProblemType("invalid-payload", title: "The event payload was refused", status: 422)
    // 5xx: the ledger cannot take it now.
    public static let internalError = ProblemType("internal-error", title: "The server failed unexpectedly", status: 500)
    public static let storageError = ProblemType("storage-error", title: "The storage failed", status: 500)
    public static let overloaded = ProblemType("overloaded", title: "The ledger is overloaded; retry shortly", status: 503)
    public static let unavailable = ProblemType("unavailable", title: "The ledger is not accepting requests", status: 503)
    public static let storageFull = ProblemType("storage-full", title: "The storage is full", status: 507)

    /// Every kind the core server reports (later modules add their own, e.g. schema violations).
    public static let all: [ProblemType] = [
        .malformedJSON, .invalidRequest, .invalidParameter, .invalidStreamName, .invalidEventType, .invalidMetadata,
        .emptyRequest, .duplicateEventInRequest, .duplicateStreamInRequest, .unauthorized, .forbidden,
        .eventTypeNotAllowed, .notFound, .streamNotFound, .eventNotFound, .wrongExpectedVersion, .idConflict,
        .bodyTooLarge, .eventTooLarge, .tooManyEvents, .unsupportedMediaType, .invalidPayload, .internalError,
        .storageError, .overloaded, .unavailable, .storageFull,
    ]
}
