import Foundation

/// Everything that can refuse an append or a read, each case saying what was wrong and where.
///
/// A refused request has written nothing: the log is byte for byte as it was.
public enum EventLogError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidStreamName(String, reason: String)
    case invalidEventType(String, reason: String)
    /// `event` is the event's index within the request (0-based, across streams).
    case invalidPayload(event: Int, reason: String)
    case invalidMetadata(event: Int, reason: String)
    case eventTooLarge(event: Int, bytes: Int, limit: Int)
    case tooManyEvents(count: Int, limit: Int)
    case emptyRequest
    /// The request's JSON is malformed or misses a member; `pointer` is a JSON pointer into it.
    case invalidRequest(pointer: String, reason: String)
    case duplicateEventInRequest(id: UUID)
    case duplicateStreamInRequest(StreamName)
    case wrongExpectedVersion(stream: StreamName, expected: ExpectedVersion, actual: UInt64?)
    /// The id is already in the log at `position` with other content (or in another request).
    case idConflict(id: UUID, position: UInt64, reason: String)
    /// The writer's queue is full; retry after a short pause.
    case overloaded(queued: Int)
    /// The disk is full; nothing of the refused batch was written, everything before it is intact.
    case storageFull(String)
    case storage(String)
    case closed
    case dataDirectoryBusy(path: String, holder: String)
    case notInitialized(path: String)
    case corruptRecord(position: UInt64, reason: String)

    /// A stable, machine-readable name for the kind of error.
    public var code: String {
        switch self {
        case .invalidStreamName: "invalid-stream-name"
        case .invalidEventType: "invalid-event-type"
        case .invalidPayload: "invalid-payload"
        case .invalidMetadata: "invalid-metadata"
        case .eventTooLarge: "event-too-large"
        case .tooManyEvents: "too-many-events"
        case .emptyRequest: "empty-request"
        case .invalidRequest: "invalid-request"
        case .duplicateEventInRequest: "duplicate-event-in-request"
        case .duplicateStreamInRequest: "duplicate-stream-in-request"
        case .wrongExpectedVersion: "wrong-expected-version"
        case .idConflict: "id-conflict"
        case .overloaded: "overloaded"
        case .storageFull: "storage-full"
        case .storage: "storage-error"
        case .closed: "closed"
        case .dataDirectoryBusy: "data-directory-busy"
        case .notInitialized: "not-initialized"
        case .corruptRecord: "corrupt-record"
        }
    }

    public var description: String {
        switch self {
        case .invalidStreamName(let name, let reason):
            "Stream name \"\(name.prefix(60))\" is invalid: \(reason)."
        case .invalidEventType(let type, let reason):
            "Event type \"\(type.prefix(60))\" is invalid: \(reason)."
        case .invalidPayload(let i, let reason):
            "Event \(i): the payload (data) is invalid: \(reason)."
        case .invalidMetadata(let i, let reason):
            "Event \(i): the metadata is invalid: \(reason)."
        case .eventTooLarge(let i, let bytes, let limit):
            "Event \(i) is \(bytes) bytes as a record, over the limit of \(limit) bytes."
        case .tooManyEvents(let count, let limit):
            "The request holds \(count) events, over the limit of \(limit) per request."
        case .emptyRequest:
            "The request holds no events."
        case .invalidRequest(let pointer, let reason):
            "The request is invalid at \(pointer.isEmpty ? "its top level" : pointer): \(reason)."
        case .duplicateEventInRequest(let id):
            "Event id \(id.uuidString.lowercased()) appears twice in the request."
        case .duplicateStreamInRequest(let stream):
            "Stream \(stream) appears twice in the request; put all its events in one entry."
        case .wrongExpectedVersion(let stream, let expected, let actual):
            "Stream \(stream) was expected at version \(expected) but is at \(actual.map(String.init) ?? "no-stream (it does not exist)")."
        case .idConflict(let id, let position, let reason):
            "Event id \(id.uuidString.lowercased()) is already in the log at position \(position): \(reason)."
        case .overloaded(let queued):
            "The ledger is overloaded (\(queued) requests queued); retry shortly."
        case .storageFull(let detail):
            "Storage is full; nothing of this request was written and everything committed before is intact (\(detail))."
        case .storage(let detail):
            "Storage error: \(detail)."
        case .closed:
            "The ledger is closed."
        case .dataDirectoryBusy(let path, let holder):
            "The data directory \(path) is held by another writer (\(holder)); stop it or use a read-only command."
        case .notInitialized(let path):
            "No ledger in \(path); run `civic-ledger init` first."
        case .corruptRecord(let position, let reason):
            "The record at position \(position) is corrupt: \(reason)."
        }
    }
}
