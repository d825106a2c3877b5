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

    @Test("400 for malformed JSON, a wrong shape, a bad stream name, a bad type, both actor and onBehalfOf",
          arguments: [
              ("relief-6", #"{"events":[{"type":"a.B","data":{}}"#, "malformed-json"),
              ("relief-6", #"[1,2]"#, "invalid-request"),
              ("relief-6", #"{"events":[{"type":"a.B","data":{}}],"extra":1}"#, "invalid-request"),
              ("relief-6", #"{"expectedVersion":-1,"events":[{"type":"a.B","data":{}}]}"#, "invalid-request"),
              ("relief-6", #"{"events":[{"data":{}}]}"#, "invalid-request"),
              ("relief-6", #"{"events":[]}"#, "empty-request"),
              ("relief%206", #"{"events":[{"type":"a.B","data":{}}]}"#, "invalid-stream-name"),
              ("relief-6", #"{"events":[{"type":"not a type","data":{}}]}"#, "invalid-event-type"),
              ("relief-6", #"{"events":[{"type":"a.B","data":{},"metadata":{"actor":"x","onBehalfOf":"y"}}]}"#, "invalid-metadata"),
              ("relief-6", #"{"events":[{"type":"a.B","data":{},"metadata":[]}]}"#, "invalid-metadata"),
          ])
    func badRequests(stream: String, body: String, problem: String) async throws {
        try await LiveServer.with { server in
            let reply = try await server.send(.POST, "/v1/streams/\(stream)/events", token: server.tokens.appender, body: body)
            #expect(reply.status == 400)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.problemType == problem)
            #expect(try await server.store.size() == 0)
        }
    }

    @Test("the pointer of a malformed event names where it is")
    func pointerOfBadEvent() async throws {
        try await LiveServer.with { server in
            let reply = try await server.send(.POST, "/v1/append", token: server.tokens.appender,
                                              body: #"{"appends":[{"stream":"a-1","events":[{"type":"a.B","data":{}},{"type":"a.B"}]}]}"#)
            #expect(reply.status == 400)
            #expect(reply.json["pointer"] as? String == "/appends/0/events/1/data")
        }
    }

    @Test("422 when a payload is not an object")
    func payloadNotAnObject() async throws {
        try await LiveServer.with { server in
            let reply = try await server.append("relief-7", #"[{"type":"assistance.A","data":[1,2]}]"#)
            #expect(reply.status == 422)
            #expect(reply.problemType == "invalid-payload")
            #expect(reply.json["event"] as? Int == 0)
        }
    }

    @Test("415 unless the body is declared application/json")
    func unsupportedMediaType() async throws {
        try await LiveServer.with { server in
            let body = #"{"events":[{"type":"a.B","data":{}}]}"#
            for contentType in ["text/plain", "application/x-www-form-urlencoded", nil] as [String?] {
                let reply = try await server.send(.POST, "/v1/streams/a-1/events", token: server.tokens.appender, body: body, contentType: contentType)
                #expect(reply.status == 415)
                #expect(reply.problemType == "unsupported-media-type")
            }
            let charset = try await server.send(.POST, "/v1/streams/a-1/events", token: server.tokens.appender, body: body,
                                                contentType: "application/json; charset=utf-8")
            #expect(charset.status == 201)
        }
    }

    @Test("413 for a body over the limit, an event over the limit, and too many events")
    func tooLarge() async throws {
        var limits = LedgerLimits()
        limits.maxEventBytes = 1024
        limits.maxEventsPerRequest = 3
        var configuration = LedgerServerConfiguration.testing
        configuration.maxBodyBytes = 4096
        try await LiveServer.with(limits: limits, configuration: configuration) { server in
            let big = String(repeating: "x", count: 5000)
            let body = try await server.append("a-1", #"[{"type":"a.B","data":{"x":"\#(big)"}}]"#)
            #expect(body.status == 413)
            #expect(body.problemType == "body-too-large")
            let event = try await server.append("a-1", #"[{"type":"a.B","data":{"x":"\#(String(repeating: "y", count: 2000))"}}]"#)
            #expect(event.status == 413)
            #expect(event.problemType == "event-too-large")
            let many = try await server.append("a-1", Array(repeating: #"{"type":"a.B","data":{}}"#, count: 4).joined(separator: ",").wrappedInBrackets)
            #expect(many.status == 413)
            #expect(many.problemType == "too-many-events")
            #expect(try await server.store.size() == 0)
        }
    }

    @Test("an appender limited to type prefixes is refused other types with 403")
    func typePrefixes() async throws {
        try await LiveServer.with { server in
            let allowed = try await server.append("relief-8", #"[{"type":"assistance.A","data":{}}]"#, token: server.tokens.assistanceAppender)
            #expect(allowed.status == 201)
            let refused = try await server.append("relief-8", #"[{"type":"assistance.A","data":{}},{"type":"marriage.B","data":{}}]"#,
                                                  token: server.tokens.assistanceAppender)
            #expect(refused.status == 403)
            #expect(refused.problemType == "event-type-not-allowed")
            #expect(refused.json["pointer"] as? String == "/events/1/type")
            #expect(try await server.store.size() == 1)
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
