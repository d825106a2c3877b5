import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

/// Requests the server refuses, each with its status and problem type; none changes the log.
@Suite("Refused appends over HTTP")
struct AppendRefusalTests {
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

    @Test("a metadata key sent twice is refused with 400 invalid-metadata naming the key, never silently resolved",
          arguments: [#"{"actor":"Wang","actor":"Li"}"#, #"{"source":"desk","correlationId":"c-1","source":"web"}"#])
    func duplicateMetadataKey(metadata: String) async throws {
        try await LiveServer.with { server in
            let body = #"{"events":[{"type":"a.B","data":{}},{"type":"a.B","data":{},"metadata":\#(metadata)}]}"#
            let reply = try await server.send(.POST, "/v1/streams/relief-7/events", token: server.tokens.appender, body: body)
            #expect(reply.status == 400)
            #expect(reply.problemType == "invalid-metadata")
            #expect(reply.json["event"] as? Int == 1)
            let key = metadata.contains("actor") ? "actor" : "source"
            #expect((reply.json["detail"] as? String)?.contains(#"the key "\#(key)" appears more than once"#) == true, "\(reply.text)")
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
}
