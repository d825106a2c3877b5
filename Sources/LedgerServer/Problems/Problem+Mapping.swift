import EventLog
import Hummingbird
import NIOCore

/// The one table from errors to problems: every status the API answers with is decided here.
extension Problem {
    /// How long an overloaded client should wait before retrying.
    static let retryAfterSeconds = 1

    public init(_ error: EventLogError) {
        let detail = error.description
        switch error {
        case .invalidStreamName(let name, _):
            self.init(.invalidStreamName, detail: detail, members: [.string("stream", name)])
        case .invalidEventType(let type, _):
            self.init(.invalidEventType, detail: detail, members: [.string("eventType", type)])
        case .invalidPayload(let event, _):
            self.init(.invalidPayload, detail: detail, members: [.number("event", UInt64(event))])
        case .invalidMetadata(let event, _):
            self.init(.invalidMetadata, detail: detail, members: [.number("event", UInt64(event))])
        case .eventTooLarge(let event, let bytes, let limit):
            self.init(.eventTooLarge, detail: detail, members: [
                .number("event", UInt64(event)), .number("bytes", UInt64(bytes)), .number("limit", UInt64(limit)),
            ])
        case .tooManyEvents(let count, let limit):
            self.init(.tooManyEvents, detail: detail, members: [.number("count", UInt64(count)), .number("limit", UInt64(limit))])
        case .emptyRequest:
            self.init(.emptyRequest, detail: detail)
        case .invalidRequest(let pointer, _):
            self.init(.invalidRequest, detail: detail, members: [.string("pointer", pointer)])
        case .duplicateEventInRequest(let id):
            self.init(.duplicateEventInRequest, detail: detail, members: [.string("id", id.uuidString.lowercased())])
        case .duplicateStreamInRequest(let stream):
            self.init(.duplicateStreamInRequest, detail: detail, members: [.string("stream", stream.rawValue)])
        case .wrongExpectedVersion(let stream, let expected, let actual):
            let expectedJSON: [UInt8] = if case .exactly(let n) = expected { Array(String(n).utf8) } else { JSONString.quoted(expected.description) }
            self.init(.wrongExpectedVersion, detail: detail, members: [
                .string("stream", stream.rawValue), Member(name: "expected", json: expectedJSON), .number("actual", actual),
            ])
        case .idConflict(let id, let position, _):
            self.init(.idConflict, detail: detail, members: [.string("id", id.uuidString.lowercased()), .number("position", position)])
        case .overloaded:
            self.init(.overloaded, detail: detail, headers: [.retryAfter: String(Self.retryAfterSeconds)])
        case .storageFull:
            self.init(.storageFull, detail: detail)
        case .closed, .dataDirectoryBusy, .notInitialized:
            self.init(.unavailable, detail: detail, headers: [.retryAfter: String(Self.retryAfterSeconds)])
        case .storage, .corruptRecord:
            self.init(.storageError, detail: detail)
        }
    }

    /// Any error a route or middleware threw, as the problem the client gets.
    public init(describing error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as EventLogError:
            self.init(error)
        case let error as JSONSyntaxError:
            self.init(.malformedJSON, detail: "The body is not well-formed JSON: \(error).", members: [.number("offset", UInt64(error.offset))])
        case is NIOTooManyBytesError:
            self.init(.bodyTooLarge, detail: "The request body is larger than the server accepts.")
        case let error as HTTPError where error.status == .notFound:
            self.init(.notFound, detail: "No route matches this method and path.")
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            self.init(.invalidRequest, detail: "The request was refused: \(error.status).")
        default:
            self.init(.internalError, detail: "The server failed while answering; the request may not have been applied.")
        }
    }

    /// 401, with the challenge RFC 6750 asks for.
    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, detail: detail, headers: [.wwwAuthenticate: #"Bearer realm="civic-ledger""#])
    }
}
