import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `civic-ledger serve` killed with SIGKILL while appends arrive: after a restart the
/// projection resumes from its last commit and ends equal to a fresh build — no event applied
/// twice, none skipped.
@Suite("Projections after SIGKILL")
struct ProjectionsCrashTests {
    @Test func killedServerResumesItsProjectionExactly() async throws {
        let data = temporaryPath()
        let copy = data + "-fresh"
        defer {
            try? FileManager.default.removeItem(atPath: data)
            try? FileManager.default.removeItem(atPath: copy)
        }
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        let appender = try run("civic-ledger", ["keys", "create", "--data", data, "--name", "loader", "--role", "appender"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let reader = try run("civic-ledger", ["keys", "create", "--data", data, "--name", "watcher", "--role", "reader"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        var acknowledged = 0
        for round in 0..<3 {
            let server = try ServedLedger(data: data)
            let load = Task { try await server.appendUntilFailure(token: appender, round: round) }
            try await Task.sleep(for: .milliseconds(Int.random(in: 900...1600)))
            server.kill()
            acknowledged += try await load.value
        }
        // A loaded 2-core machine acknowledges a few dozen in these seconds; fewer would prove little.
        #expect(acknowledged >= 15, "the load acknowledged almost nothing; the test proved little")

        // Restart: the projection catches up from its checkpoint.
        let server = try ServedLedger(data: data)
        let head = try #require(try await server.get("/v1/head", token: reader)["head"] as? Int)
        #expect(head + 1 >= acknowledged)
        var status: [String: Any] = [:]
        for _ in 0..<600 {
            status = try await server.get("/v1/projections/streams", token: reader)
            if status["position"] as? Int == head { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(status["position"] as? Int == head, "\(status)")
        server.stop()

        let live = try run("civic-ledger", ["projections", "dump", "streams", "--data", data])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(try run("civic-ledger", ["backup", "--data", data, "--to", copy]).status == 0)
        let fresh = try run("civic-ledger", ["projections", "rebuild", "streams", "--data", copy])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        let freshDump = try run("civic-ledger", ["projections", "dump", "streams", "--data", copy])
        #expect(live.stdout == freshDump.stdout)
        let counts = live.stdout.split(separator: "\n").compactMap { line -> Int? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["value"] as? [String: Any])?["events"] as? Int
        }
        #expect(counts.reduce(0, +) == head + 1)
    }
}

/// `civic-ledger serve --port 0` on a data directory, talked to over HTTP.
final class ServedLedger: Sendable {
    let process: Process
    let base: String

    init(data: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path("civic-ledger"))
        process.arguments = ["serve", "--data", data, "--port", "0", "--log-level", "warning"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("\n") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = seen.split(separator: "\n").first, line.hasPrefix("listening on ") else {
            process.terminate()
            throw ServeFailure(output: seen)
        }
        self.process = process
        base = String(line.dropFirst("listening on ".count))
    }

    struct ServeFailure: Error { let output: String }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    func get(_ path: String, token: String) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: base + path)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
    }

    /// Appends five catalog-valid events per request to a random stream until the server is
    /// gone; returns how many events it acknowledged.
    func appendUntilFailure(token: String, round: Int) async throws -> Int {
        var acknowledged = 0
        var serial = round * 1_000_000
        while true {
            let events = (0..<5).map { _ in serial += 1; return personLeft(serial) }.joined(separator: ",")
            var request = URLRequest(url: URL(string: base + "/v1/streams/rescue-\(Int.random(in: 0..<40))/events")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"events":[\#(events)]}"#.utf8)
            guard let (_, response) = try? await URLSession.shared.data(for: request),
                  (response as? HTTPURLResponse)?.statusCode == 201 else { return acknowledged }
            acknowledged += 5
        }
    }
}
