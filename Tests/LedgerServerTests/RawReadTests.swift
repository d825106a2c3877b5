import Crypto
import EventLog
import Foundation
import LedgerServer
import Testing
import Transparency

/// `?raw=true`: every event read carries its record bytes and leaf hash, which an auditor
/// rehashes and proves into a signed checkpoint with nothing but the HTTP API.
@Suite("Raw event reads over HTTP")
struct RawReadTests {
    /// Appends five events in three requests (three batches, three checkpoints) to two streams.
    private func seed(_ server: LiveServer) async throws -> [String] {
        var ids: [String] = []
        for (stream, events) in [("rescue-1", [0, 1]), ("rescue-2", [2]), ("rescue-1", [3, 4])] {
            let reply = try await server.append(stream, "[" + events.map(personLeft).joined(separator: ",") + "]")
            #expect(reply.status == 201, "\(reply.text)")
            ids += (reply.json["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        return ids
    }

    /// Checks one raw event: its record rehashes to its leafHash, and the record holds its payload.
    private func checkRaw(_ event: [String: Any]) throws -> (position: Int, leaf: [UInt8]) {
        let recordText = try #require(event["record"] as? String), leafText = try #require(event["leafHash"] as? String)
        let record = try #require(Data(base64Encoded: recordText))
        let leaf = try #require(Data(base64Encoded: leafText))
        #expect(ReferenceTree.leaf(Array(record)) == Array(leaf), "the record of \(event["position"] ?? "?") does not hash to its leafHash")
        let caseId = try #require((event["data"] as? [String: String])?["rescueCaseId"])
        #expect(String(decoding: record, as: UTF8.self).contains(caseId), "the record does not hold the event's payload")
        return (try #require(event["position"] as? Int), Array(leaf))
    }

    @Test("streams, the log, single events and the subscription carry record and leafHash with raw=true only")
    func everyReadCarriesTheRecord() async throws {
        try await FullServer.with { server, _ in
            let ids = try await seed(server)
            let stream = try await server.get("/v1/streams/rescue-1?raw=true", as: .reader)
            let streamEvents = try #require(stream.json["events"] as? [[String: Any]])
            #expect(try streamEvents.map { try checkRaw($0).position } == [0, 1, 3, 4])
            let log = try await server.get("/v1/events?raw=true&limit=3&from=1", as: .auditor)
            let logEvents = try #require(log.json["events"] as? [[String: Any]])
            #expect(try logEvents.map { try checkRaw($0).position } == [1, 2, 3])
            #expect(log.json["next"] as? Int == 4)
            let single = try await server.get("/v1/events/2?raw=true", as: .reader)
            #expect(try checkRaw(single.json).position == 2)
            let byId = try await server.get("/v1/events/by-id/\(ids[4])?raw=true", as: .appender)
            #expect(byId.status == 200)
            #expect(try checkRaw(byId.json).position == 4)
            // The same event read twice, once raw, once plain: the plain one is the raw one minus two members.
            let plain = try await server.get("/v1/events/2", as: .reader)
            #expect(plain.json["record"] == nil && plain.json["leafHash"] == nil)
            #expect(try await server.get("/v1/events/2?raw=false", as: .reader).body == plain.body)
            #expect(Set(single.json.keys) == Set(plain.json.keys).union(["record", "leafHash"]))
            // The subscription, from the start.
            let followed = try await EventStreamReader.read(server.base + "/v1/subscribe?from=0&raw=true", token: server.tokens.reader) {
                $0.events.count >= 5
            }
            #expect(followed.status == 200)
            #expect(try followed.messages.events.map { try checkRaw($0.json).position } == [0, 1, 2, 3, 4])
        }
    }

    @Test("a raw event's leaf is proven into the signed checkpoint with an inclusion proof from the server")
    func rawLeafProvesIntoTheCheckpoint() async throws {
        try await FullServer.with { server, signer in
            _ = try await seed(server)
            let checkpoint = try await server.get("/v1/log/checkpoint", as: .auditor)
            #expect(checkpoint.status == 200)
            let signed = try SignedCheckpoint(opening: checkpoint.text, verifiers: [signer.verifier])
            #expect(signed.checkpoint.size == 5)
            for position in 0..<5 {
                let event = try await server.get("/v1/events/\(position)?raw=true", as: .auditor)
                let (_, leaf) = try checkRaw(event.json)
                let reply = try await server.get("/v1/log/proof/inclusion?position=\(position)", as: .auditor)
                #expect(reply.status == 200, "\(reply.text)")
                let proof = try JSONDecoder().decode(InclusionProof.self, from: Data(reply.body))
                #expect(proof.leafIndex == UInt64(position) && proof.treeSize == 5)
                try verifyInclusion(leafHash: Hash(bytes: leaf), index: proof.leafIndex, treeSize: proof.treeSize,
                                    proof: proof.hashes.map { try Hash(base64: $0) }, root: signed.checkpoint.root)
                // A record changed by one bit no longer proves.
                var forged = leaf
                forged[0] ^= 1
                #expect(throws: ProofError.self) {
                    try verifyInclusion(leafHash: Hash(bytes: forged), index: proof.leafIndex, treeSize: proof.treeSize,
                                        proof: proof.hashes.map { try Hash(base64: $0) }, root: signed.checkpoint.root)
                }
            }
        }
    }

    @Test("raw must be true or false; a server without the verifiable log refuses raw reads")
    func refusals() async throws {
        try await FullServer.with { server, _ in
            _ = try await seed(server)
            for path in ["/v1/events?raw=yes", "/v1/streams/rescue-1?raw=1", "/v1/events/0?raw=", "/v1/events/by-id/\(UUID())?raw=TRUE",
                         "/v1/subscribe?raw=on"] {
                let reply = try await server.get(path, as: .reader)
                #expect(reply.status == 400, "\(path)")
                #expect(reply.problemType == "invalid-parameter", "\(path)")
                #expect(reply.json["parameter"] as? String == "raw", "\(path)")
            }
        }
        try await LiveServer.with { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#)
            #expect(try await server.get("/v1/events/0", as: .reader).status == 200)
            let reply = try await server.get("/v1/events/0?raw=true", as: .reader)
            #expect(reply.status == 404)
            #expect(reply.problemType == "log-not-found")
            #expect(try await server.get("/v1/subscribe?raw=true", as: .reader).status == 404)
        }
    }
}
