import AsyncHTTPClient
import EventLog
import Foundation
import LedgerServer
import NIOHTTP1
import Testing
import Transparency

/// The verifiable log over HTTP, checked against hashes computed here from the raw records:
/// the signed checkpoint, inclusion and consistency proofs, and C2SP tlog-tiles.
@Suite("The verifiable log over HTTP")
struct LogRouteTests {
    /// Appends `count` events in requests of `perRequest`, then reads back every leaf hash the
    /// test computes itself from the raw records.
    private func seed(_ server: LiveServer, count: Int, perRequest: Int) async throws -> [[UInt8]] {
        var appended = 0
        while appended < count {
            let n = min(perRequest, count - appended)
            let events = (appended..<appended + n).map(personLeft).joined(separator: ",")
            let reply = try await server.append("rescue-\(appended % 3)", "[" + events + "]")
            #expect(reply.status == 201, "\(reply.text)")
            appended += n
        }
        let page = try await server.get("/v1/events?raw=true&limit=1000", as: .auditor)
        let events = try #require(page.json["events"] as? [[String: Any]])
        #expect(events.count == count)
        return try events.map { event in
            let text = try #require(event["record"] as? String)
            return ReferenceTree.leaf(Array(try #require(Data(base64Encoded: text))))
        }
    }

    private func hashes(_ reply: Reply) throws -> [Hash] {
        try ((reply.json["hashes"] as? [String]) ?? []).map { try Hash(base64: $0) }
    }

    @Test("the checkpoint is a text/plain signed note over the root of the records, verified with the log's key")
    func checkpoint() async throws {
        try await FullServer.with { server, signer in
            let leaves = try await seed(server, count: 7, perRequest: 3)
            let reply = try await server.get("/v1/log/checkpoint", as: .reader)
            #expect(reply.status == 200)
            #expect(reply.contentType == "text/plain; charset=utf-8")
            let signed = try SignedCheckpoint(opening: reply.text, verifiers: [signer.verifier])
            #expect(signed.checkpoint.origin == FullServer.origin)
            #expect(signed.checkpoint.size == 7)
            #expect(signed.checkpoint.root.bytes == ReferenceTree.root(leaves[...]))
            #expect(reply.text.hasPrefix("\(FullServer.origin)\n7\n\(signed.checkpoint.root.base64)\n\n— \(FullServer.origin) "))
            // Another key does not open it.
            let stranger = try NoteSigner.generate(name: FullServer.origin)
            #expect(throws: (any Error).self) { try SignedCheckpoint(opening: reply.text, verifiers: [stranger.verifier]) }
        }
    }

    @Test("inclusion proofs for every position and several sizes verify against roots computed from the records")
    func inclusionProofs() async throws {
        try await FullServer.with { server, _ in
            let leaves = try await seed(server, count: 13, perRequest: 5)
            for size in [1, 5, 8, 12, 13] {
                let root = try Hash(bytes: ReferenceTree.root(leaves[..<size]))
                for position in 0..<size {
                    let reply = try await server.get("/v1/log/proof/inclusion?position=\(position)&size=\(size)", as: .auditor)
                    #expect(reply.status == 200, "\(reply.text)")
                    #expect(reply.json["leafIndex"] as? Int == position && reply.json["treeSize"] as? Int == size)
                    try verifyInclusion(leafHash: Hash(bytes: leaves[position]), index: UInt64(position), treeSize: UInt64(size),
                                        proof: try hashes(reply), root: root)
                }
            }
            // Without size: the latest checkpoint's.
            let latest = try await server.get("/v1/log/proof/inclusion?position=3", as: .auditor)
            #expect(latest.json["treeSize"] as? Int == 13)
        }
    }

    @Test("consistency proofs between sizes verify against roots computed from the records")
    func consistencyProofs() async throws {
        try await FullServer.with { server, _ in
            let leaves = try await seed(server, count: 13, perRequest: 4)
            for (from, to) in [(1, 13), (3, 7), (4, 8), (5, 13), (8, 13), (12, 13), (13, 13), (6, 6)] {
                let reply = try await server.get("/v1/log/proof/consistency?from=\(from)&to=\(to)", as: .reader)
                #expect(reply.status == 200, "\(reply.text)")
                #expect(reply.json["from"] as? Int == from && reply.json["to"] as? Int == to)
                try verifyConsistency(size1: UInt64(from), size2: UInt64(to), proof: try hashes(reply),
                                      root1: Hash(bytes: ReferenceTree.root(leaves[..<from])), root2: Hash(bytes: ReferenceTree.root(leaves[..<to])))
            }
            let latest = try await server.get("/v1/log/proof/consistency?from=2", as: .reader)
            #expect(latest.json["to"] as? Int == 13)
        }
    }

    @Test("bad proof parameters are 400 problems; sizes and positions beyond the tree are 404 log-not-found")
    func proofRefusals() async throws {
        try await FullServer.with { server, _ in
            _ = try await seed(server, count: 6, perRequest: 6)
            let badRequests = [
                "/v1/log/proof/inclusion", "/v1/log/proof/inclusion?position=x", "/v1/log/proof/inclusion?position=-1",
                "/v1/log/proof/inclusion?position=1&size=1.5", "/v1/log/proof/consistency", "/v1/log/proof/consistency?from=0&to=3",
                "/v1/log/proof/consistency?from=4&to=2", "/v1/log/proof/consistency?from=2&to=y",
            ]
            for path in badRequests {
                let reply = try await server.get(path, as: .auditor)
                #expect(reply.status == 400, "\(path): \(reply.text)")
                #expect(reply.contentType == "application/problem+json", "\(path)")
                #expect(reply.problemType == "invalid-parameter", "\(path)")
            }
            let beyond = [
                "/v1/log/proof/inclusion?position=6", "/v1/log/proof/inclusion?position=2&size=7", "/v1/log/proof/inclusion?position=3&size=3",
                "/v1/log/proof/consistency?from=2&to=7", "/v1/log/proof/consistency?from=9",
            ]
            for path in beyond {
                let reply = try await server.get(path, as: .auditor)
                #expect(reply.status == 404, "\(path): \(reply.text)")
                #expect(reply.contentType == "application/problem+json", "\(path)")
                #expect(reply.problemType == "log-not-found", "\(path)")
            }
        }
    }

    @Test("full and partial tiles are exactly the C2SP tlog-tiles bytes of the hashes computed from the records")
    func tiles() async throws {
        try await FullServer.with { server, _ in
            let leaves = try await seed(server, count: 300, perRequest: 100)
            func tile(_ path: String) async throws -> Reply { try await server.get("/v1/log/" + path, as: .auditor) }
            // Level 0: the leaf hashes, 256 to a full tile.
            let full = try await tile("tile/0/000")
            #expect(full.status == 200)
            #expect(full.contentType == "application/octet-stream")
            #expect(full.body == leaves[0..<256].flatMap { $0 })
            #expect(try await tile("tile/0/001.p/44").body == leaves[256..<300].flatMap { $0 })
            // A narrower partial tile of the same index stays available (its bytes never change).
            #expect(try await tile("tile/0/001.p/10").body == leaves[256..<266].flatMap { $0 })
            // Level 1 holds the roots of each full 256-leaf subtree; only one exists yet.
            #expect(try await tile("tile/1/000.p/1").body == ReferenceTree.root(leaves[0..<256]))
            // Not there yet, or not a canonical tile path: 404.
            for path in ["tile/0/001", "tile/0/001.p/45", "tile/1/000", "tile/0/002.p/1", "tile/0/1", "tile/0/000.p/256",
                         "tile/0/x000/000", "tile/entries/000", "tile/64/000", "tile/0/001.p/0"] {
                let reply = try await tile(path)
                #expect(reply.status == 404, "\(path): \(reply.status)")
                #expect(reply.problemType == "log-not-found", "\(path)")
            }
        }
    }

    @Test("the API document describes exactly the log's and the catalog's routes, the tile route as its two tlog-tiles shapes")
    func documented() async throws {
        let text = String(decoding: try PackageRoot.openAPIDocument(), as: UTF8.self)
        var found = Set<String>(), path: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("  /") && line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            if let path, line == "    get:", path.hasPrefix("/v1/log/") || path.hasPrefix("/v1/schemas") { found.insert(path) }
        }
        let documented = found
        try await FullServer.with { server, _ in
            let registered = server.server.router().routes.map(\.path).filter { $0.hasPrefix("/v1/log/") || $0.hasPrefix("/v1/schemas") }
            let expanded = registered.flatMap { $0 == "/v1/log/tile/**" ? ["/v1/log/tile/{L}/{N}", "/v1/log/tile/{L}/{N}.p/{W}"] : [$0] }
            #expect(documented == Set(expanded))
        }
        for parameterized in ["/v1/streams/{stream}:", "/v1/events:", "/v1/events/{position}:", "/v1/events/by-id/{id}:", "/v1/subscribe:"] {
            let section = try #require(text.components(separatedBy: "\n  " + parameterized).dropFirst().first?.components(separatedBy: "\n  /").first)
            #expect(section.contains("#/components/parameters/raw"), "\(parameterized) does not document raw")
        }
    }

    @Test("log and catalog routes × every role, no token and a bad token: 401, 403 or 2xx as each route's access says")
    func roleMatrix() async throws {
        try await FullServer.with { server, _ in
            _ = try await seed(server, count: 3, perRequest: 3)
            let samples = [
                "/v1/log/checkpoint": "/v1/log/checkpoint",
                "/v1/log/proof/inclusion": "/v1/log/proof/inclusion?position=1",
                "/v1/log/proof/consistency": "/v1/log/proof/consistency?from=1&to=3",
                "/v1/log/tile/**": "/v1/log/tile/0/000.p/3",
                "/v1/schemas": "/v1/schemas",
                "/v1/schemas/{type}": "/v1/schemas/rescue.PersonLeft",
            ]
            let routes = server.server.router().routes.filter { $0.path.hasPrefix("/v1/log/") || $0.path.hasPrefix("/v1/schemas") }
            #expect(Set(routes.map(\.path)) == Set(samples.keys))
            let callers: [(String, String?, Role?)] = Role.allCases.map { ($0.rawValue, server.tokens.token(for: $0), $0) }
                + [("no token", nil, nil), ("bad token", "clk_" + String(repeating: "A", count: 43), nil)]
            for route in routes {
                let path = try #require(samples[route.path])
                for (name, token, role) in callers {
                    let status = try await server.send(.GET, path, token: token).status
                    let expected: ClosedRange<Int> = if token == nil { 401...401 } else if let role {
                        route.access.admits(role) ? 200...299 : 403...403
                    } else { 401...401 }
                    #expect(expected.contains(status), "\(route.path) as \(name): \(status), expected \(expected)")
                }
            }
            // Hashes, checkpoints and the catalog reveal no payload: readers and auditors read the log, everyone the catalog.
            #expect(routes.filter { $0.path.hasPrefix("/v1/log/") }.allSatisfy { $0.access == .roles([.reader, .auditor]) })
            #expect(routes.filter { $0.path.hasPrefix("/v1/schemas") }.allSatisfy { $0.access == .roles(Set(Role.allCases)) })
        }
    }
}
