import AsyncHTTPClient
import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

@Suite("Who may do what")
struct RoleMatrixTests {
    /// Who calls: each role, no token, or a token the server never issued.
    enum Caller: CustomStringConvertible {
        case role(Role), noToken, badToken
        var description: String {
            switch self {
            case .role(let role): role.rawValue
            case .noToken: "no token"
            case .badToken: "bad token"
            }
        }
    }

    /// A request that succeeds on each route when the caller is admitted.
    struct Sample {
        let path: String
        let body: String?
    }

    private func samples(_ server: LiveServer, eventId: String) -> [String: Sample] {
        let append = #"{"events":[{"type":"assistance.A","data":{}}]}"#
        return [
            "POST /v1/streams/{stream}/events": Sample(path: "/v1/streams/matrix-\(UUID().uuidString.prefix(8))/events", body: append),
            "POST /v1/append": Sample(path: "/v1/append", body: #"{"appends":[{"stream":"matrix-\#(UUID().uuidString.prefix(8))","events":[{"type":"assistance.A","data":{}}]}]}"#),
            "GET /v1/streams/{stream}": Sample(path: "/v1/streams/seed-1", body: nil),
            "GET /v1/streams/{stream}/version": Sample(path: "/v1/streams/seed-1/version", body: nil),
            "GET /v1/events": Sample(path: "/v1/events", body: nil),
            "GET /v1/events/{position}": Sample(path: "/v1/events/0", body: nil),
            "GET /v1/events/by-id/{id}": Sample(path: "/v1/events/by-id/\(eventId)", body: nil),
            "GET /v1/head": Sample(path: "/v1/head", body: nil),
            "GET /v1/subscribe": Sample(path: "/v1/subscribe?from=0", body: nil),
            "GET /health": Sample(path: "/health", body: nil),
            "GET /ready": Sample(path: "/ready", body: nil),
            "GET /metrics": Sample(path: "/metrics", body: nil),
            "GET /v1/openapi.yaml": Sample(path: "/v1/openapi.yaml", body: nil),
            "GET /v1/projections": Sample(path: "/v1/projections", body: nil),
            "GET /v1/projections/{name}": Sample(path: "/v1/projections/streams", body: nil),
            "POST /v1/projections/{name}/rebuild": Sample(path: "/v1/projections/streams/rebuild", body: nil),
            "GET /v1/projections/{name}/state": Sample(path: "/v1/projections/streams/state?prefix=stream/", body: nil),
            "GET /v1/projections/{name}/state/{key}": Sample(path: "/v1/projections/streams/state/stream%2Fseed-1?minPosition=0", body: nil),
            "GET /v1/entities/{entity}/{key}": Sample(path: "/v1/entities/stream/seed-1", body: nil),
        ]
    }

    @Test("every route × every role, no token and a bad token: 401, 403 or 2xx as the route's access says")
    func matrix() async throws {
        try await LiveServer.withProjections { server in
            let seeded = try await server.append("seed-1", #"[{"type":"assistance.A","data":{}}]"#)
            let eventId = try #require((seeded.json["events"] as? [[String: Any]])?.first?["id"] as? String)
            let routes = server.server.router().routes
            #expect(routes.count >= 19)
            let callers: [Caller] = Role.allCases.map { .role($0) } + [.noToken, .badToken]
            var checked = 0
            for route in routes {
                let key = "\(route.method) \(route.path)"
                for caller in callers {
                    let sample = try #require(samples(server, eventId: eventId)[key], "no sample request for \(key)")
                    let token: String? = switch caller {
                    case .role(let role): server.tokens.token(for: role)
                    case .noToken: nil
                    case .badToken: "clk_" + String(repeating: "A", count: 43)
                    }
                    let status = try await send(route.method == .post ? .POST : .GET, server.base + sample.path, token: token, body: sample.body)
                    let expected: ClosedRange<Int> = switch caller {
                    case .badToken: 401...401
                    case .noToken: route.access == .everyone ? 200...299 : 401...401
                    case .role(let role): route.access.admits(role) ? 200...299 : 403...403
                    }
                    #expect(expected.contains(status), "\(key) as \(caller): \(status), expected \(expected)")
                    checked += 1
                }
            }
            #expect(checked == routes.count * callers.count)
        }
    }

    private func send(_ method: HTTPMethod, _ url: String, token: String?, body: String?) async throws -> Int {
        if url.contains("/v1/subscribe") {
            return try await EventStreamReader.read(url, token: token) { _ in true }.status
        }
        return try await Reply.send(method, url, token: token, body: body).status
    }

    @Test("a 401 says how to authenticate, a 403 says which role was refused")
    func problemBodies() async throws {
        try await LiveServer.with { server in
            let missing = try await server.send(.GET, "/v1/events", token: nil)
            #expect(missing.status == 401)
            #expect(missing.contentType == "application/problem+json")
            #expect(missing.headers.first(name: "www-authenticate")?.hasPrefix("Bearer") == true)
            let malformed = try await server.send(.GET, "/v1/events", token: nil, headers: [("Authorization", "Basic abc")])
            #expect(malformed.status == 401)
            let forbidden = try await server.get("/v1/events", as: .operator)
            #expect(forbidden.status == 403)
            #expect(forbidden.problemType == "forbidden")
            #expect(forbidden.json["role"] as? String == "operator")
        }
    }

    @Test("a revoked key stops working without a restart")
    func revocation() async throws {
        try await LiveServer.with { server in
            #expect(try await server.get("/v1/head", as: .reader).status == 200)
            let path = KeyRing.path(inDataDirectory: server.directory)
            var ring = try KeyRing.load(from: path)
            try ring.revoke(name: "reader")
            try ring.save(to: path)
            #expect(try await server.get("/v1/head", as: .reader).status == 401)
            #expect(try await server.get("/v1/head", as: .auditor).status == 200)
        }
    }
}
