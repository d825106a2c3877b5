import EventLog
import Foundation
import LedgerServer
import NIOHTTP1
import Projections
import Testing

@Suite("Projection routes")
struct ProjectionsRouteTests {
    /// The position of the last event an append answered with.
    private func position(of reply: Reply) throws -> Int {
        let events = try #require((reply.json["events"] as? [[String: Any]]), "\(reply.text)")
        return try #require(events.last?["position"] as? Int)
    }

    @Test("read-your-writes: a query with the append's position as minPosition sees the append")
    func readYourWrites() async throws {
        try await LiveServer.withProjections { server in
            for round in 1...20 {
                let appended = try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#)
                let position = try position(of: appended)
                let value = try await server.get("/v1/projections/streams/state/stream%2Frelief-1?minPosition=\(position)", as: .reader)
                #expect(value.status == 200, "\(value.text)")
                #expect((value.json["value"] as? [String: Any])?["events"] as? Int == round)
                #expect((value.json["value"] as? [String: Any])?["lastPosition"] as? Int == position)
                #expect(try #require(value.json["position"] as? Int) >= position)
                let page = try await server.get("/v1/projections/streams/state?prefix=stream/&minPosition=\(position)", as: .auditor)
                #expect(page.status == 200)
                #expect((page.json["entries"] as? [[String: Any]])?.count == 1)
                #expect(try #require(page.json["position"] as? Int) >= position)
            }
        }
    }

    @Test("pages of state by prefix, in key order, with a next cursor")
    func pages() async throws {
        try await LiveServer.withProjections { server in
            var last = 0
            for n in 0..<5 { last = try position(of: try await server.append("relief-\(n)", #"[{"type":"assistance.A","data":{}}]"#)) }
            let first = try await server.get("/v1/projections/streams/state?prefix=stream/relief-&limit=3&minPosition=\(last)", as: .reader)
            let keys = (first.json["entries"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
            #expect(keys == ["stream/relief-0", "stream/relief-1", "stream/relief-2"])
            let next = try #require(first.json["next"] as? String)
            let rest = try await server.get("/v1/projections/streams/state?prefix=stream/relief-&limit=3&after=\(next)", as: .reader)
            #expect((rest.json["entries"] as? [[String: Any]])?.compactMap { $0["key"] as? String } == ["stream/relief-3", "stream/relief-4"])
            #expect(rest.json["next"] is NSNull)
            let everything = try await server.get("/v1/projections/streams/state", as: .reader)
            #expect(everything.status == 200, "\(everything.text)")
            #expect((everything.json["entries"] as? [[String: Any]])?.count == 5)
            let missing = try await server.get("/v1/projections/streams/state/stream%2Fnone-1", as: .reader)
            #expect(missing.status == 404)
            #expect(missing.problemType == "state-not-found")
            #expect(try await server.get("/v1/projections/streams/state?limit=0", as: .reader).problemType == "invalid-parameter")
            #expect(try await server.get("/v1/projections/streams/state?minPosition=-1", as: .reader).problemType == "invalid-parameter")
        }
    }

    @Test("a projection behind minPosition answers 503 with its position and Retry-After, then answers once it catches up")
    func behind() async throws {
        let gate = GatedProjection.Gate()
        try await LiveServer.withProjections([GatedProjection(gate: gate)], folds: [], minPositionTimeout: .milliseconds(300)) { server in
            let first = try position(of: try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#))
            try await server.waitForProjection("gated") { ($0.position ?? 0) >= UInt64(first) }
            // Open again whatever happens, or the engine could not stop.
            defer { gate.isOpen = true }
            gate.isOpen = false
            let second = try position(of: try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#))
            let started = ContinuousClock.now
            let refused = try await server.get("/v1/projections/gated/state/count?minPosition=\(second)", as: .reader)
            #expect(ContinuousClock.now - started >= .milliseconds(250), "it should wait before giving up")
            #expect(refused.status == 503)
            #expect(refused.problemType == "projection-behind")
            #expect(refused.headers.first(name: "retry-after") != nil)
            #expect(refused.json["position"] as? Int == first)
            #expect(refused.json["minPosition"] as? Int == second)
            // A position beyond the log's head was never acknowledged: refused at once.
            let beyond = try await server.get("/v1/projections/gated/state/count?minPosition=\(second + 1000)", as: .reader)
            #expect(beyond.status == 400)
            #expect(beyond.json["parameter"] as? String == "minPosition")
            gate.isOpen = true
            let answered = try await server.get("/v1/projections/gated/state/count?minPosition=\(second)", as: .reader)
            #expect(answered.status == 200)
            #expect(answered.json["value"] as? Int == 2)
        }
    }

    // A time limit: a second rebuild that waited on the held one would otherwise hang the run.
    @Test("status lists every projection; an unknown one is 404; an operator's rebuild is 202, a second one meanwhile 409",
          .timeLimit(.minutes(5)))
    func statusAndRebuild() async throws {
        let gate = GatedProjection.Gate()
        try await LiveServer.withProjections([StreamSummaryProjection(), FragileProjection(), GatedProjection(gate: gate)]) { server in
            // Enough history that a rebuild takes a while.
            var last = 0
            let batch = "[" + (0..<1000).map { _ in #"{"type":"assistance.A","data":{}}"# }.joined(separator: ",") + "]"
            for n in 0..<20 { last = try position(of: try await server.append("relief-\(n)", batch)) }
            try await server.waitForProjection("streams", seconds: 120) { $0.position == UInt64(last) }
            let list = try await server.get("/v1/projections", as: .operator)
            #expect(list.status == 200)
            let names = (list.json["projections"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(Set(names ?? []) == ["streams", "fragile", "gated"])
            let status = try await server.get("/v1/projections/streams", as: .reader)
            #expect(status.json["phase"] as? String == "live")
            #expect(status.json["position"] as? Int == last)
            #expect(status.json["lag"] as? Int == 0)
            let before = try #require(status.json["generation"] as? Int)
            let unknown = try await server.get("/v1/projections/nothing-here", as: .reader)
            #expect(unknown.status == 404)
            #expect(unknown.problemType == "projection-not-found")
            // A name shaped like a snapshot label is no projection either (schemathesis found it answered 409).
            let label = try await server.get("/v1/projections/streams%400", as: .reader)
            #expect(label.status == 404)
            #expect(label.problemType == "projection-not-found")

            let rebuild = try await server.send(.POST, "/v1/projections/streams/rebuild", token: server.tokens.operator)
            #expect(rebuild.status == 202, "\(rebuild.text)")
            let generation = try #require(rebuild.json["generation"] as? Int)
            #expect(generation > before)
            // A second rebuild while one runs is 409: shown on a projection whose rebuild cannot
            // finish until the test lets it (a fast machine may finish the streams rebuild at once).
            try await server.waitForProjection("gated", seconds: 120) { $0.position == UInt64(last) }
            gate.isOpen = false
            let held = try await server.send(.POST, "/v1/projections/gated/rebuild", token: server.tokens.operator)
            #expect(held.status == 202, "\(held.text)")
            let again = try await server.send(.POST, "/v1/projections/gated/rebuild", token: server.tokens.operator)
            gate.isOpen = true
            #expect(again.status == 409)
            #expect(again.problemType == "rebuild-in-progress")
            // The old generation keeps answering while the new one is built.
            let during = try await server.get("/v1/projections/streams/state/stream%2Frelief-3", as: .reader)
            #expect((during.json["value"] as? [String: Any])?["events"] as? Int == 1000)
            try await server.waitForProjection("streams", seconds: 120) { $0.generation >= generation && $0.rebuild == nil }
            let after = try await server.get("/v1/projections/streams/state/stream%2Frelief-3", as: .reader)
            #expect((after.json["value"] as? [String: Any])?["events"] as? Int == 1000)
            #expect(try await server.send(.POST, "/v1/projections/nothing-here/rebuild", token: server.tokens.operator).status == 404)
            #expect(try await server.send(.POST, "/v1/projections/streams/rebuild", token: server.tokens.reader).status == 403)
        }
    }

    @Test("an entity as of a position and as of an RFC 3339 time; before its first event it is 404")
    func asOf() async throws {
        try await LiveServer.withProjections { server in
            var positions: [Int] = []
            for type in ["assistance.A", "assistance.B", "assistance.C"] {
                positions.append(try position(of: try await server.append("relief-7", #"[{"type":"\#(type)","data":{}}]"#)))
                try await Task.sleep(for: .milliseconds(20))
            }
            let now = try await server.get("/v1/entities/stream/relief-7", as: .reader)
            #expect(now.status == 200)
            #expect((now.json["state"] as? [String: Any])?["events"] as? Int == 3)
            #expect(now.json["position"] as? Int == positions[2])
            #expect(now.json["asOf"] is NSNull)

            let byPosition = try await server.get("/v1/entities/stream/relief-7?asOf=\(positions[1])", as: .auditor)
            #expect((byPosition.json["state"] as? [String: Any])?["events"] as? Int == 2)
            #expect((byPosition.json["state"] as? [String: Any])?["lastType"] as? String == "assistance.B")
            #expect(byPosition.json["position"] as? Int == positions[1])
            #expect(byPosition.json["asOf"] as? String == String(positions[1]))

            // A moment between the second and the third event (they are 20 ms apart).
            let second = try await server.get("/v1/events/\(positions[1])", as: .auditor)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let recordedAtText = try #require(second.json["recordedAt"] as? String)
            let recordedAt = try #require(formatter.date(from: recordedAtText))
            let moment = formatter.string(from: recordedAt.addingTimeInterval(0.005))
            let encoded = moment.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let byTime = try await server.get("/v1/entities/stream/relief-7?asOf=\(encoded)", as: .auditor)
            #expect(byTime.status == 200, "\(byTime.text)")
            #expect((byTime.json["state"] as? [String: Any])?["events"] as? Int == 2)
            #expect(byTime.json["position"] as? Int == positions[1])

            let before = try await server.get("/v1/entities/stream/relief-7?asOf=1970-01-01T00:00:00Z", as: .auditor)
            #expect(before.status == 404)
            #expect(before.problemType == "state-not-found")
            #expect(try await server.get("/v1/entities/stream/relief-7?asOf=yesterday", as: .auditor).problemType == "invalid-parameter")
            #expect(try await server.get("/v1/entities/relief-case/relief-7", as: .auditor).problemType == "projection-not-found")
            let ahead = try await server.get("/v1/entities/stream/relief-7?minPosition=\(positions[2] + 1)", as: .auditor)
            #expect(ahead.status == 400)
            #expect(ahead.problemType == "invalid-parameter")
        }
    }

    @Test("a projection that fails stops at the event, shows it in status and /ready (degraded, still 200); appends and the others go on")
    func failureIsVisible() async throws {
        let gate = GatedProjection.Gate()
        try await LiveServer.withProjections([StreamSummaryProjection(), FragileProjection(), GatedProjection(gate: gate)]) { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#)
            let broken = try position(of: try await server.append("relief-2", #"[{"type":"assistance.Broken","data":{}}]"#))
            let failed = try await server.waitForProjection("fragile") { $0.phase == .failed }
            #expect(failed.failure?.position == UInt64(broken))
            #expect(failed.failure?.type == "assistance.Broken")
            #expect(failed.failure?.message.contains("no case to count") == true)

            let list = try await server.get("/v1/projections", as: .reader)
            let fragile = try #require((list.json["projections"] as? [[String: Any]])?.first { $0["name"] as? String == "fragile" })
            #expect(fragile["phase"] as? String == "failed")
            #expect((fragile["failure"] as? [String: Any])?["position"] as? Int == broken)
            #expect((fragile["failure"] as? [String: Any])?["type"] as? String == "assistance.Broken")

            let ready = try await server.send(.GET, "/ready", token: nil)
            #expect(ready.status == 200)
            #expect(ready.json["degraded"] as? Bool == true)
            let listed = (ready.json["projections"] as? [[String: Any]]) ?? []
            #expect(listed.first { $0["name"] as? String == "fragile" }?["phase"] as? String == "failed")
            #expect(listed.first { $0["name"] as? String == "streams" }?["phase"] as? String == "live")

            // It stops there, never skipping the event; appends and the other projections go on.
            let later = try position(of: try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#))
            let streams = try await server.get("/v1/projections/streams/state/stream%2Frelief-1?minPosition=\(later)", as: .reader)
            #expect((streams.json["value"] as? [String: Any])?["events"] as? Int == 2)
            #expect(try await server.engine.status(of: "fragile").failure?.position == UInt64(broken))
            let waiting = try await server.get("/v1/projections/fragile/state?minPosition=\(later)", as: .reader)
            #expect(waiting.status == 503, "\(waiting.text)")
        }
    }

    @Test("/ready lists the projections and is not degraded while they follow the log")
    func readyLists() async throws {
        try await LiveServer.withProjections { server in
            let ready = try await server.send(.GET, "/ready", token: nil)
            #expect(ready.status == 200)
            #expect(ready.json["degraded"] as? Bool == false)
            #expect((ready.json["projections"] as? [[String: Any]])?.first?["name"] as? String == "streams")
        }
    }

    @Test("the API document lists every projection problem type")
    func problemTypesDocumented() throws {
        let text = String(decoding: try PackageRoot.openAPIDocument(), as: UTF8.self)
        for type in ProblemType.projectionKinds {
            #expect(text.contains(#"{type: "\#(type.uri)", status: \#(type.status), "#), "\(type.slug) is not listed")
        }
    }
}
