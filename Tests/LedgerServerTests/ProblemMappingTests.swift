import EventLog
import Foundation
import LedgerServer
import NIOCore
import Testing

@Suite("Problems")
struct ProblemMappingTests {
    @Test("each event-log error maps to its status and type", arguments: [
        (EventLogError.invalidStreamName("x y", reason: "r"), 400, "invalid-stream-name"),
        (.invalidEventType("x", reason: "r"), 400, "invalid-event-type"),
        (.invalidPayload(event: 0, reason: "r"), 422, "invalid-payload"),
        (.invalidMetadata(event: 0, reason: "r"), 400, "invalid-metadata"),
        (.eventTooLarge(event: 0, bytes: 2, limit: 1), 413, "event-too-large"),
        (.tooManyEvents(count: 2, limit: 1), 413, "too-many-events"),
        (.emptyRequest, 400, "empty-request"),
        (.invalidRequest(pointer: "/events", reason: "r"), 400, "invalid-request"),
        (.duplicateEventInRequest(id: UUID()), 400, "duplicate-event-in-request"),
        (.wrongExpectedVersion(stream: try! StreamName("a-1"), expected: .exactly(3), actual: 5), 409, "wrong-expected-version"),
        (.idConflict(id: UUID(), position: 7, reason: "r"), 409, "id-conflict"),
        (.overloaded(queued: 9), 503, "overloaded"),
        (.closed, 503, "unavailable"),
        (.storageFull("ENOSPC"), 507, "storage-full"),
        (.storage("EIO"), 500, "storage-error"),
        (.corruptRecord(position: 1, reason: "r"), 500, "storage-error"),
    ])
    func mapping(error: EventLogError, status: Int, slug: String) {
        let problem = Problem(error)
        #expect(problem.type.status == status)
        #expect(problem.type.slug == slug)
        #expect(problem.detail == error.description)
        let response = problem.response()
        #expect(response.status.code == status)
        #expect(response.headers[.contentType] == "application/problem+json")
    }

    @Test("503 says when to retry; 409 says what was expected and what was found")
    func members() throws {
        #expect(Problem(EventLogError.overloaded(queued: 1)).headers[.retryAfter] == "1")
        let conflict = Problem(EventLogError.wrongExpectedVersion(stream: try StreamName("a-1"), expected: .noStream, actual: 4))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(conflict.json())) as? [String: Any])
        #expect(json["type"] as? String == "https://civic-ledger.example/problems/wrong-expected-version")
        #expect(json["title"] as? String == ProblemType.wrongExpectedVersion.title)
        #expect(json["status"] as? Int == 409)
        #expect(json["stream"] as? String == "a-1")
        #expect(json["expected"] as? String == "no-stream")
        #expect(json["actual"] as? Int == 4)
        let missing = Problem(EventLogError.wrongExpectedVersion(stream: try StreamName("a-1"), expected: .exactly(2), actual: nil))
        let missingJSON = try #require(try JSONSerialization.jsonObject(with: Data(missing.json())) as? [String: Any])
        #expect(missingJSON["expected"] as? Int == 2)
        #expect(missingJSON["actual"] is NSNull)
    }

    @Test("other errors: malformed JSON is 400, an oversized body 413, anything unknown 500 without its details")
    func otherErrors() throws {
        let syntaxError = #expect(throws: JSONSyntaxError.self) { try JSONText.validate(Array("{".utf8)) }
        #expect(Problem(describing: try #require(syntaxError)).type == .malformedJSON)
        #expect(Problem(describing: NIOTooManyBytesError(maxBytes: 1)).type == .bodyTooLarge)
        struct Secret: Error {}
        let unknown = Problem(describing: Secret())
        #expect(unknown.type == .internalError)
        #expect(!unknown.detail.contains("Secret"))
    }

    @Test("violations are listed with pointer, keyword, schema location and message")
    func violations() throws {
        let problem = Problem(.invalidPayload, detail: "d", members: [.violations([
            Violation(pointer: "/events/0/data/a", keyword: "type", schemaLocation: "#/properties/a/type", message: "must be a \"string\""),
        ])])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(problem.json())) as? [String: Any])
        #expect(json["violations"] as? [[String: String]] == [["pointer": "/events/0/data/a", "keyword": "type",
                                                              "schemaLocation": "#/properties/a/type", "message": "must be a \"string\""]])
    }
}
