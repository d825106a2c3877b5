import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

@Suite("Reading over HTTP")
struct ReadRouteTests {
    /// Five events: relief-1 has three, marriage-1 two, interleaved.
    private func seed(_ server: LiveServer) async throws {
        try await server.append("relief-1", #"[{"type":"assistance.ApplicationReceived","data":{"i":0}}]"#)
        try await server.append("marriage-1", #"[{"type":"marriage.MarriageRegistered","data":{"i":1}}]"#)
        try await server.append("relief-1", #"[{"type":"assistance.ReliefApproved","data":{"i":2}},{"type":"assistance.ReliefPaid","data":{"i":3}}]"#)
        try await server.append("marriage-1", #"[{"type":"marriage.DivorceRegistered","data":{"i":4}}]"#)
    }

    @Test("a stream reads in pages with a next cursor, forwards and backwards")
    func streamPages() async throws {
        try await LiveServer.with { server in
            try await seed(server)
            let first = try await server.get("/v1/streams/relief-1?limit=2", as: .reader)
            #expect(first.status == 200)
            #expect(first.json["stream"] as? String == "relief-1")
            #expect((first.json["events"] as? [[String: Any]])?.map { $0["version"] as? Int } == [0, 1])
            #expect(first.json["next"] as? Int == 2)
            #expect(first.json["reachedEnd"] as? Bool == false)
            let second = try await server.get("/v1/streams/relief-1?limit=2&from=2", as: .reader)
            #expect((second.json["events"] as? [[String: Any]])?.map { $0["position"] as? Int } == [3])
            #expect(second.json["next"] is NSNull)
            #expect(second.json["reachedEnd"] as? Bool == true)
            let backwards = try await server.get("/v1/streams/relief-1?direction=backwards", as: .reader)
            #expect((backwards.json["events"] as? [[String: Any]])?.map { $0["version"] as? Int } == [2, 1, 0])
        }
    }

    @Test("the whole log reads with category and type filters")
    func logPages() async throws {
        try await LiveServer.with { server in
            try await seed(server)
            let all = try await server.get("/v1/events", as: .reader)
            #expect((all.json["events"] as? [[String: Any]])?.map { $0["position"] as? Int } == [0, 1, 2, 3, 4])
            #expect(all.json["next"] as? Int == 5)
            let marriages = try await server.get("/v1/events?category=marriage", as: .reader)
            #expect((marriages.json["events"] as? [[String: Any]])?.map { $0["position"] as? Int } == [1, 4])
            let paid = try await server.get("/v1/events?type=assistance.Relief&from=1&limit=1", as: .reader)
            #expect((paid.json["events"] as? [[String: Any]])?.map { $0["type"] as? String } == ["assistance.ReliefApproved"])
            let event = try #require((all.json["events"] as? [[String: Any]])?.first)
            #expect(event["data"] as? [String: Int] == ["i": 0])
            #expect((event["metadata"] as? [String: String])?["actor"] == "key:appender")
            #expect(event["recordedAt"] is String)
        }
    }

    @Test("single events by position and by id; a stream's version; the head")
    func singleEvents() async throws {
        try await LiveServer.with { server in
            let empty = try await server.get("/v1/head", as: .operator)
            #expect(empty.status == 200)
            #expect(empty.json["head"] is NSNull)
            #expect(empty.json["size"] as? Int == 0)
            try await seed(server)
            let byPosition = try await server.get("/v1/events/2")
            #expect(byPosition.json["type"] as? String == "assistance.ReliefApproved")
            let id = try #require(byPosition.json["id"] as? String)
            let byId = try await server.get("/v1/events/by-id/\(id.uppercased())")
            #expect(byId.status == 200)
            #expect(byId.body == byPosition.body)
            let version = try await server.get("/v1/streams/marriage-1/version", as: .appender)
            #expect(version.json["version"] as? Int == 1)
            let head = try await server.get("/v1/head")
            #expect(head.json["head"] as? Int == 4)
            #expect(head.json["size"] as? Int == 5)
        }
    }

    @Test("404 for an unknown stream, position, id and route", arguments: [
        ("/v1/streams/nobody-1", "stream-not-found"),
        ("/v1/streams/nobody-1/version", "stream-not-found"),
        ("/v1/events/99", "event-not-found"),
        ("/v1/events/by-id/3f2b0c1e-0000-4000-8000-000000000000", "event-not-found"),
        ("/v1/nothing-here", "not-found"),
    ])
    func notFound(path: String, problem: String) async throws {
        try await LiveServer.with { server in
            try await seed(server)
            let reply = try await server.get(path)
            #expect(reply.status == 404)
            #expect(reply.contentType == "application/problem+json")
            #expect(reply.problemType == problem)
        }
    }

    @Test("400 for malformed parameters", arguments: [
        "/v1/events?from=-1", "/v1/events?from=x", "/v1/events?limit=0", "/v1/events?limit=1001", "/v1/events?direction=up",
        "/v1/events?category=a-b", "/v1/events?type=", "/v1/streams/relief-1?from=1.5", "/v1/events/abc", "/v1/events/by-id/not-a-uuid",
        "/v1/streams/bad%20name", "/v1/subscribe?from=x",
    ])
    func badParameters(path: String) async throws {
        try await LiveServer.with { server in
            try await seed(server)
            let reply = try await server.get(path)
            #expect(reply.status == 400)
            #expect(reply.contentType == "application/problem+json")
            #expect(["invalid-parameter", "invalid-stream-name"].contains(reply.problemType))
        }
    }

    @Test("an appender reads back its own events, and nothing of another appender's")
    func appenderSeesOwnEvents() async throws {
        try await LiveServer.with { server in
            let mine = try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#)
            let theirs = try await server.append("relief-2", #"[{"type":"assistance.A","data":{}}]"#, token: server.tokens.otherAppender)
            let myId = try #require((mine.json["events"] as? [[String: Any]])?.first?["id"] as? String)
            let theirId = try #require((theirs.json["events"] as? [[String: Any]])?.first?["id"] as? String)
            #expect(try await server.get("/v1/events/0", as: .appender).status == 200)
            #expect(try await server.get("/v1/events/by-id/\(myId)", as: .appender).status == 200)
            #expect(try await server.get("/v1/events/1", as: .appender).status == 404)
            #expect(try await server.get("/v1/events/by-id/\(theirId)", as: .appender).status == 404)
            #expect(try await server.get("/v1/events/1", as: .reader).status == 200)
        }
    }
}
