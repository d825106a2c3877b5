import EventLog
import Foundation
import LedgerServer
import Projections
import Testing

@Suite("Projection rebuild under load")
struct ProjectionsRebuildTests {
    @Test("a rebuild while appends go on ends with the same dump as a fresh build over the same log")
    func rebuildWhileAppending() async throws {
        try await LiveServer.withProjections { server in
            for n in 0..<100 {
                let events = (0..<10).map { _ in #"{"type":"assistance.A","data":{}}"# }.joined(separator: ",")
                try await server.append("relief-\(n % 37)", "[\(events)]")
            }
            let stop = Locked(false)
            let appending = Task {
                var appended = 0
                while !stop.value {
                    let reply = try await server.append("relief-\(Int.random(in: 0..<60))",
                                                        #"[{"type":"assistance.B","data":{}},{"type":"assistance.C","data":{}}]"#)
                    guard reply.status == 201 else { throw TestFailure("append answered \(reply.status): \(reply.text)") }
                    appended += 2
                }
                return appended
            }
            try await Task.sleep(for: .milliseconds(100))
            let rebuild = try await server.send(.POST, "/v1/projections/streams/rebuild", token: server.tokens.operator)
            #expect(rebuild.status == 202, "\(rebuild.text)")
            let generation = try #require(rebuild.json["generation"] as? Int)
            try await server.waitForProjection("streams", seconds: 120) { $0.generation == generation && $0.rebuild == nil }
            try await Task.sleep(for: .milliseconds(200))
            stop.withLock { $0 = true }
            let appendedDuringRebuild = try await appending.value
            #expect(appendedDuringRebuild > 0)

            let head = try await server.store.size() - 1
            try await server.waitForProjection("streams") { $0.position == head }
            let copy = server.directory + "-copy"
            defer { try? FileManager.default.removeItem(atPath: copy) }
            try server.store.backup(to: copy)

            // The live one, dumped by the CLI beside the running server; a fresh build in the copy.
            let live = try ProjectionsCLI.run(["projections", "dump", "streams", "--data", server.directory])
            #expect(live.status == 0, "\(live.stderr)")
            let fresh = try ProjectionsCLI.run(["projections", "rebuild", "streams", "--data", copy])
            #expect(fresh.status == 0, "\(fresh.stderr)")
            let freshDump = try ProjectionsCLI.run(["projections", "dump", "streams", "--data", copy])
            #expect(freshDump.status == 0, "\(freshDump.stderr)")
            #expect(!live.stdout.isEmpty)
            #expect(live.stdout == freshDump.stdout)
            // Every event counted once: the per-stream counts add up to the log's size.
            let counts = live.stdout.split(separator: "\n").compactMap { line -> Int? in
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return (object?["value"] as? [String: Any])?["events"] as? Int
            }
            #expect(counts.reduce(0, +) == Int(head + 1))
            #expect(counts.count >= 37)
        }
    }
}

/// The `civic-ledger` binary built beside this test bundle.
enum ProjectionsCLI {
    static let path: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("civic-ledger").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("civic-ledger").path
    }()

    struct Finished {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
