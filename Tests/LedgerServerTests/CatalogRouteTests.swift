import EventLog
import Foundation
import LedgerServer
import NIOHTTP1
import Testing

/// The event catalog over HTTP: refusals that list every violation and write nothing, and the
/// schemas served to people writing integrations.
@Suite("The event catalog over HTTP")
struct CatalogRouteTests {
    /// Breaks three rules of rescue.PersonLeft v1 at once: a pattern, a format, a closed object.
    static let badPayload = #"{"rescueCaseId":"RS-1","leftDate":"2026-13-01","note":"x"}"#

    /// The violations the catalog must list for `badPayload`, exactly and in this order.
    static let expectedViolations: [[String: String]] = [
        ["pointer": "/rescueCaseId", "keyword": "pattern", "schemaLocation": "/properties/rescueCaseId/pattern",
         "message": #"`/rescueCaseId` must match the pattern ^RS-[0-9]{6}-[0-9]{4}-[0-9]{5}$, got "RS-1""#],
        ["pointer": "/leftDate", "keyword": "format", "schemaLocation": "/properties/leftDate/format",
         "message": #"`/leftDate` must be a date like 2026-03-14, got "2026-13-01""#],
        ["pointer": "/note", "keyword": "additionalProperties", "schemaLocation": "/additionalProperties",
         "message": "`/note` is not an allowed field"],
    ]

    /// The log's size and rescue-1's version, to show a refusal wrote nothing.
    private func state(_ server: LiveServer) async throws -> (size: Int?, version: Int?) {
        let head = try await server.get("/v1/head", as: .reader)
        let version = try await server.get("/v1/streams/rescue-1/version", as: .reader)
        return (head.json["size"] as? Int, version.json["version"] as? Int)
    }

    private func checkRefusal(_ reply: Reply, events expected: [(index: Int, stream: String, problem: String)]) throws {
        #expect(reply.status == 422, "\(reply.text)")
        #expect(reply.contentType == "application/problem+json")
        #expect(reply.problemType == "invalid-payload")
        let events = try #require(reply.json["events"] as? [[String: Any]])
        #expect(events.map { $0["index"] as? Int } == expected.map(\.index))
        #expect(events.map { $0["stream"] as? String } == expected.map(\.stream))
        #expect(events.map { $0["problem"] as? String } == expected.map(\.problem))
        #expect(events.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
    }

    @Test("a payload breaking several rules: 422 listing every violation with pointer, keyword, schema location and message; nothing written")
    func everyViolationListed() async throws {
        try await FullServer.with { server, _ in
            #expect(try await server.append("rescue-1", "[" + personLeft(1) + "]").status == 201)
            let before = try await state(server)
            #expect(before.size == 1 && before.version == 0)
            let events = #"[\#(personLeft(2)),{"type":"rescue.PersonLeft","data":\#(Self.badPayload)}]"#
            let reply = try await server.append("rescue-1", events)
            try checkRefusal(reply, events: [(1, "rescue-1", "schema-violations")])
            let refused = try #require((reply.json["events"] as? [[String: Any]])?.first)
            #expect(refused["type"] as? String == "rescue.PersonLeft" && refused["version"] as? Int == 1)
            #expect(refused["violations"] as? [[String: String]] == Self.expectedViolations)
            // The flat list names each violation's event.
            let flat = try #require(reply.json["violations"] as? [[String: Any]])
            #expect(flat.map { $0["event"] as? Int } == [1, 1, 1])
            #expect(flat.map { $0.filter { $0.key != "event" } as? [String: String] } == Self.expectedViolations)
            #expect((reply.json["detail"] as? String)?.contains("nothing was written") == true)
            let after = try await state(server)
            #expect(after.size == before.size && after.version == before.version)
        }
    }

    @Test("an unknown type and an unknown schema version are refused with their problems; nothing written")
    func unknownTypeAndVersion() async throws {
        try await FullServer.with { server, _ in
            #expect(try await server.append("rescue-1", "[" + personLeft(1) + "]").status == 201)
            let before = try await state(server)
            let unknownType = try await server.append("rescue-1", #"[{"type":"rescue.PersonVanished","data":{}}]"#)
            try checkRefusal(unknownType, events: [(0, "rescue-1", "unknown-event-type")])
            let valid = #""data":{"rescueCaseId":"RS-330481-2026-00002","leftDate":"2026-01-10"}"#
            let unknownVersion = try await server.append("rescue-1", #"[{"type":"rescue.PersonLeft",\#(valid),"metadata":{"schemaVersion":7}}]"#)
            try checkRefusal(unknownVersion, events: [(0, "rescue-1", "unknown-schema-version")])
            let refused = try #require((unknownVersion.json["events"] as? [[String: Any]])?.first)
            #expect(refused["knownVersions"] as? [Int] == [1])
            #expect((refused["message"] as? String)?.contains("no schema version 7") == true)
            let after = try await state(server)
            #expect(after.size == before.size && after.version == before.version)
        }
    }

    @Test("POST /v1/append: every refused event of every stream, with its index across the request; nothing written")
    func multiStreamRefusal() async throws {
        try await FullServer.with { server, _ in
            #expect(try await server.append("rescue-1", "[" + personLeft(1) + "]").status == 201)
            let before = try await state(server)
            let body = #"""
            {"appends":[
              {"stream":"rescue-1","expectedVersion":0,"events":[\#(personLeft(2)),{"type":"rescue.PersonLeft","data":\#(Self.badPayload)}]},
              {"stream":"rescue-2","events":[{"type":"rescue.PersonVanished","data":{}},\#(personLeft(3))]},
              {"stream":"rescue-3","events":[{"type":"rescue.PersonLeft","data":{"rescueCaseId":"RS-330481-2026-00004","leftDate":"2026-01-10"},"metadata":{"schemaVersion":2}}]}
            ]}
            """#
            let reply = try await server.send(.POST, "/v1/append", token: server.tokens.appender, body: body)
            try checkRefusal(reply, events: [(1, "rescue-1", "schema-violations"), (2, "rescue-2", "unknown-event-type"),
                                             (4, "rescue-3", "unknown-schema-version")])
            let first = try #require((reply.json["events"] as? [[String: Any]])?.first)
            #expect(first["violations"] as? [[String: String]] == Self.expectedViolations)
            let after = try await state(server)
            #expect(after.size == before.size && after.version == before.version)
            #expect(try await server.get("/v1/streams/rescue-2/version", as: .reader).status == 404)
            #expect(try await server.get("/v1/streams/rescue-3/version", as: .reader).status == 404)
            // The same request with the payloads fixed goes through, and names the version it checked.
            let fixed = body.replacingOccurrences(of: Self.badPayload, with: #"{"rescueCaseId":"RS-330481-2026-00009","leftDate":"2026-01-11"}"#)
                .replacingOccurrences(of: "rescue.PersonVanished", with: "rescue.PersonLeft")
                .replacingOccurrences(of: #""data":{}"#, with: #""data":{"rescueCaseId":"RS-330481-2026-00008","leftDate":"2026-01-12"}"#)
                .replacingOccurrences(of: #""schemaVersion":2"#, with: #""schemaVersion":1"#)
            let accepted = try await server.send(.POST, "/v1/append", token: server.tokens.appender, body: fixed)
            #expect(accepted.status == 201, "\(accepted.text)")
            let stored = try await server.get("/v1/events/1", as: .reader)
            #expect((stored.json["metadata"] as? [String: Any])?["schemaVersion"] as? Int == 1)
        }
    }

    @Test("GET /v1/schemas lists every type; GET /v1/schemas/{type} serves its schema as written; unknown ones are 404")
    func schemas() async throws {
        try await FullServer.with { server, _ in
            let list = try await server.get("/v1/schemas", as: .operator)
            #expect(list.status == 200)
            #expect(list.contentType == "application/json")
            let entries = try #require(list.json["schemas"] as? [[String: Any]])
            let catalog = try FullServer.catalog.get()
            #expect(entries.map { $0["type"] as? String } == catalog.types)
            let paid = try #require(entries.first { $0["type"] as? String == "assistance.ReliefPaid" })
            #expect(paid["versions"] as? [Int] == [1, 2] && paid["latest"] as? Int == 2)
            #expect(paid["href"] as? String == "/v1/schemas/assistance.ReliefPaid")
            #expect(paid["zh"] is String && paid["description"] is String)

            let file = try Data(contentsOf: URL(fileURLWithPath: PackageRoot.path + "/Schemas/events/rescue/PersonLeft.v1.schema.json"))
            let one = try await server.get("/v1/schemas/rescue.PersonLeft", as: .appender)
            #expect(one.status == 200)
            #expect(one.contentType == "application/schema+json")
            #expect(one.body == Array(file))
            let v1 = try await server.get("/v1/schemas/assistance.ReliefPaid?version=1", as: .reader)
            #expect(v1.status == 200 && (v1.json["x-version"] as? Int) == 1)
            #expect((try await server.get("/v1/schemas/assistance.ReliefPaid", as: .reader).json["x-version"] as? Int) == 2)

            for path in ["/v1/schemas/rescue.PersonVanished", "/v1/schemas/assistance.ReliefPaid?version=3", "/v1/schemas/nothing"] {
                let reply = try await server.get(path, as: .reader)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.contentType == "application/problem+json")
                #expect(reply.problemType == "event-type-not-found", "\(path)")
            }
            for path in ["/v1/schemas/rescue.PersonLeft?version=0", "/v1/schemas/rescue.PersonLeft?version=x"] {
                let reply = try await server.get(path, as: .reader)
                #expect(reply.status == 400, "\(path)")
                #expect(reply.problemType == "invalid-parameter", "\(path)")
            }
        }
    }
}
