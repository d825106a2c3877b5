import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

@Suite("Operations routes")
struct OperationsTests {
    @Test("health and readiness need no token")
    func healthAndReady() async throws {
        try await LiveServer.with { server in
            let health = try await server.send(.GET, "/health", token: nil)
            #expect(health.status == 200)
            #expect(health.json["status"] as? String == "alive")
            let ready = try await server.send(.GET, "/ready", token: nil)
            #expect(ready.status == 200)
            #expect(ready.json["status"] as? String == "ready")
        }
    }

    @Test("metrics count appends, events, batches, requests and subscribers in Prometheus text")
    func metrics() async throws {
        try await LiveServer.with(observers: [], configure: { _ in }) { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}},{"type":"assistance.B","data":{}}]"#)
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#, expected: #""no-stream""#)
            let reply = try await server.get("/metrics", as: .operator)
            #expect(reply.status == 200)
            #expect(reply.contentType?.hasPrefix("text/plain") == true)
            let text = reply.text
            #expect(text.contains(#"civic_ledger_append_requests_total{outcome="appended"} 1"#))
            #expect(text.contains(#"civic_ledger_append_requests_total{outcome="conflict"} 1"#))
            #expect(text.contains(#"civic_ledger_appended_events_total{outcome="appended"} 2"#))
            #expect(text.contains("civic_ledger_append_duration_seconds_bucket"))
            #expect(text.contains("civic_ledger_writer_queue_depth 0"))
            #expect(text.contains("civic_ledger_stored_events 2"))
            #expect(text.contains("civic_ledger_stored_record_bytes"))
            #expect(text.contains(#"http_requests_total{route="/v1/streams/{stream}/events",method="POST",status="201"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/v1/streams/{stream}/events",method="POST",status="409"} 1"#))
        }
    }

    @Test("the batch-size observer records each writer transaction")
    func batchSizes() async throws {
        let metrics = LedgerMetrics()
        try await LiveServer.with(observers: [BatchSizeObserver(metrics: metrics)]) { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}},{"type":"assistance.B","data":{}}]"#)
            let text = String(decoding: metrics.registry.emitToBuffer(), as: UTF8.self)
            #expect(text.contains("civic_ledger_batch_events_count 1"))
            #expect(text.contains("civic_ledger_batch_events_sum 2"))
        }
    }

    @Test("the API document is served as it is in Schemas/openapi.yaml")
    func servesDocument() async throws {
        try await LiveServer.with { server in
            let reply = try await server.send(.GET, "/v1/openapi.yaml", token: nil)
            #expect(reply.status == 200)
            #expect(reply.body == (try PackageRoot.openAPIDocument()))
        }
    }
}

@Suite("The API document")
struct OpenAPIDocumentTests {
    /// `(method, path)` of every operation in the document, read from its `paths` section.
    private func operations(_ text: String) -> Set<String> {
        var found = Set<String>(), path: String?
        var inPaths = false
        for line in text.split(separator: "\n") {
            if line == "paths:" { inPaths = true; continue }
            if inPaths && !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") { path = String(line.dropFirst(2).dropLast()) }
            if let path, line.hasPrefix("    "), !line.hasPrefix("     "), let method = ["get:", "post:"].first(where: { line.dropFirst(4) == $0 }) {
                found.insert(method.dropLast().uppercased() + " " + path)
            }
        }
        return found
    }

    @Test("documents exactly the routes the server registers")
    func everyRoute() async throws {
        let text = String(decoding: try PackageRoot.openAPIDocument(), as: UTF8.self)
        #expect(text.hasPrefix("openapi: 3.1."))
        try await LiveServer.withProjections { server in
            let registered = Set(server.server.router().routes.map { "\($0.method) \($0.path)" })
            // The catalog's, the log's and the bureau's routes are checked on servers that have them
            // (LogRouteTests, BureauRecordsTests).
            #expect(operations(text).filter { !$0.contains(" /v1/log/") && !$0.contains(" /v1/schemas") && !$0.contains(" /v1/q/") } == registered)
        }
    }

    @Test("lists every problem type the server reports")
    func everyProblemType() throws {
        let text = String(decoding: try PackageRoot.openAPIDocument(), as: UTF8.self)
        for type in ProblemType.all + ProblemType.catalogKinds + ProblemType.bureauKinds {
            #expect(text.contains(#"{type: "\#(type.uri)", status: \#(type.status), "#), "\(type.slug) is not listed")
        }
    }
}
