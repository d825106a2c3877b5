import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

@Suite("Appending over HTTP")
struct AppendRouteTests {
    @Test("an append answers 201 with each event's id, version, position and the stream's version")
    func appendsToOneStream() async throws {
        try await LiveServer.with { server in
            let id = UUID().uuidString.lowercased()
            let reply = try await server.append("relief-1", #"[{"id":"\#(id)","type":"assistance.ApplicationReceived","data":{"a":1}},{"type":"assistance.ReliefApproved","data":{}}]"#,
                                                expected: #""no-stream""#)
            #expect(reply.status == 201)
            #expect(reply.contentType == "application/json")
            #expect(reply.json["stream"] as? String == "relief-1")
            #expect(reply.json["streamVersion"] as? Int == 1)
            #expect(reply.json["replayed"] as? Bool == false)
            let events = try #require(reply.json["events"] as? [[String: Any]])
            #expect(events.count == 2)
            #expect(events[0]["id"] as? String == id)
            #expect(events.map { $0["position"] as? Int } == [0, 1])
            #expect(events.map { $0["version"] as? Int } == [0, 1])
        }
    }

    @Test("payload bytes are stored exactly as sent, and the actor comes from the token")
    func keepsPayloadBytesAndStampsActor() async throws {
        try await LiveServer.with { server in
            let data = "{ \"amount\" : 1.50,\n  \"name\":\"\\u00e9\" }"
            let body = #"[{"type":"assistance.ReliefPaid","data":\#(data),"metadata":{"actor":"clerk Wang","correlationId":"c-1"}}]"#
            #expect(try await server.append("relief-2", body).status == 201)
            let stored = try #require(try await server.store.event(at: 0))
            #expect(String(decoding: stored.payload, as: UTF8.self) == data)
            #expect(String(decoding: stored.metadata, as: UTF8.self) == #"{"actor":"key:appender","onBehalfOf":"clerk Wang","correlationId":"c-1"}"#)
        }
    }

    @Test("an idempotent retry answers 200 with the original result and writes nothing")
    func idempotentReplay() async throws {
        try await LiveServer.with { server in
            let body = #"[{"id":"\#(UUID().uuidString)","type":"assistance.ApplicationReceived","data":{"n":1},"metadata":{"actor":"x"}}]"#
            let first = try await server.append("relief-3", body, expected: #""no-stream""#)
            let again = try await server.append("relief-3", body, expected: #""no-stream""#)
            #expect(first.status == 201)
            #expect(again.status == 200)
            #expect(again.json["replayed"] as? Bool == true)
            let firstEvents = try #require(first.json["events"] as? [[String: Any]])
            let againEvents = try #require(again.json["events"] as? [[String: Any]])
            #expect(firstEvents.map { $0["position"] as? Int } == againEvents.map { $0["position"] as? Int })
            #expect(firstEvents.map { $0["id"] as? String } == againEvents.map { $0["id"] as? String })
            #expect(try await server.store.size() == 1)
        }
    }

    @Test("several streams append atomically; a wrong expected version refuses all of them")
    func multiStreamAppend() async throws {
        try await LiveServer.with { server in
            let ok = try await server.send(.POST, "/v1/append", token: server.tokens.appender, body: """
                {"appends":[{"stream":"marriage-1","expectedVersion":"no-stream","events":[{"type":"marriage.MarriageRegistered","data":{}}]},
                            {"stream":"person-1","events":[{"type":"marriage.PartyMarried","data":{}}]}]}
                """)
            #expect(ok.status == 201)
            #expect((ok.json["streams"] as? [[String: Any]])?.compactMap { $0["stream"] as? String } == ["marriage-1", "person-1"])
            let refused = try await server.send(.POST, "/v1/append", token: server.tokens.appender, body: """
                {"appends":[{"stream":"person-2","events":[{"type":"marriage.PartyMarried","data":{}}]},
                            {"stream":"marriage-1","expectedVersion":"no-stream","events":[{"type":"marriage.MarriageRegistered","data":{}}]}]}
                """)
            #expect(refused.status == 409)
            #expect(refused.problemType == "wrong-expected-version")
            #expect(refused.json["stream"] as? String == "marriage-1")
            #expect(refused.json["expected"] as? String == "no-stream")
            #expect(refused.json["actual"] as? Int == 0)
            #expect(try await server.store.version(of: StreamName("person-2")) == nil)
            #expect(try await server.store.size() == 2)
        }
    }

    @Test("409 for a wrong expected version carries expected and actual")
    func wrongExpectedVersion() async throws {
        try await LiveServer.with { server in
            try await server.append("relief-4", #"[{"type":"assistance.A","data":{}},{"type":"assistance.B","data":{}}]"#)
            let reply = try await server.append("relief-4", #"[{"type":"assistance.C","data":{}}]"#, expected: "0")
            #expect(reply.status == 409)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.problemType == "wrong-expected-version")
            #expect(reply.json["expected"] as? Int == 0)
            #expect(reply.json["actual"] as? Int == 1)
            #expect(reply.json["status"] as? Int == 409)
            #expect(try await server.append("relief-4", #"[{"type":"assistance.C","data":{}}]"#, expected: "1").status == 201)
        }
    }

    @Test("409 id-conflict when an id is reused with other content")
    func idConflict() async throws {
        try await LiveServer.with { server in
            let id = UUID().uuidString
            try await server.append("relief-5", #"[{"id":"\#(id)","type":"assistance.A","data":{"v":1}}]"#)
            let reply = try await server.append("relief-5", #"[{"id":"\#(id)","type":"assistance.A","data":{"v":2}}]"#)
            #expect(reply.status == 409)
            #expect(reply.problemType == "id-conflict")
            #expect(reply.json["position"] as? Int == 0)
        }
    }

    @Test("an append policy runs before the writer and can refuse with 422 and violations")
    func appendPolicyRefuses() async throws {
        try await LiveServer.with(configure: { $0.appendPolicy = RefuseEmptyPayloads() }) { server in
            let reply = try await server.append("relief-9", #"[{"type":"assistance.A","data":{"ok":true}},{"type":"assistance.A","data":{}}]"#)
            #expect(reply.status == 422)
            let violations = try #require(reply.json["violations"] as? [[String: String]])
            #expect(violations == [["pointer": "/events/1/data", "keyword": "minProperties", "schemaLocation": "#/minProperties",
                                    "message": "the payload is empty"]])
            #expect(try await server.store.size() == 0)
        }
    }
}

/// A gate that refuses empty payloads, as the catalog would refuse schema violations.
struct RefuseEmptyPayloads: AppendPolicy {
    func check(_ appends: [StreamAppend], by principal: Principal) async throws(Problem) {
        let violations = appends.flatMap { append in
            append.events.enumerated().filter { $0.element.payload == Array("{}".utf8) }.map { i, _ in
                Violation(pointer: "/events/\(i)/data", keyword: "minProperties", schemaLocation: "#/minProperties", message: "the payload is empty")
            }
        }
        if !violations.isEmpty {
            throw Problem(.invalidPayload, detail: "A payload breaks its schema.", members: [.violations(violations)])
        }
    }
}

extension String {
    var wrappedInBrackets: String { "[" + self + "]" }
}
