import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Synchronization
import Testing

/// Runs the built `civic-ledger` binary, as an operator would.
@Suite("Graceful shutdown of civic-ledger serve")
struct GracefulShutdownTests {
    @Test("SIGTERM under load: every acknowledged event is in the log after a restart")
    func sigtermUnderLoad() async throws {
        let binary = try #require(ServerProcess.binary, "civic-ledger is not built next to the test bundle")
        let directory = NSTemporaryDirectory() + "civic-ledger-shutdown-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ServerProcess.run(binary, ["init", "--data", directory])
        let tokens = try Tokens.create(in: directory)

        let first = try ServerProcess(binary: binary, directory: directory)
        let acknowledged = Locked<[(id: String, position: Int)]>([])
        let started = Gate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for step in 0... {
                        let id = UUID().uuidString.lowercased()
                        // A catalog-valid event (rescue.PersonLeft), distinct per writer and step.
                        let caseId = String(format: "RS-330481-2026-%05d", (writer * 10_000 + step) % 100_000)
                        let body = #"{"events":[{"id":"\#(id)","type":"rescue.PersonLeft","data":{"rescueCaseId":"\#(caseId)","leftDate":"2026-01-10"}}]}"#
                        guard let reply = try? await Reply.send(.POST, first.base + "/v1/streams/load-\(writer)/events", token: tokens.appender, body: body),
                              reply.status == 201 else {
                            // Refused before any acknowledgement: say so instead of waiting forever.
                            if step == 0 { Issue.record("the first append of writer \(writer) was not accepted"); await started.open() }
                            return
                        }
                        let position = try #require((reply.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
                        let count = acknowledged.withLock { $0.append((id, position)); return $0.count }
                        if count == 50 { await started.open() }
                    }
                }
            }
            await started.waitOnce()
            first.terminate()
            try await group.waitForAll()
        }
        let exit = first.waitForExit()
        #expect(exit == 0)

        let second = try ServerProcess(binary: binary, directory: directory)
        defer { second.terminate(); _ = second.waitForExit() }
        let acks = acknowledged.withLock { $0 }
        #expect(acks.count >= 50)
        for (id, position) in acks {
            let reply = try await Reply.send(.GET, second.base + "/v1/events/\(position)", token: tokens.auditor)
            #expect(reply.status == 200)
            #expect(reply.json["id"] as? String == id)
        }
    }
}

/// A `civic-ledger serve` child process on a free port.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    var base: String { "http://127.0.0.1:\(port)" }

    /// The binary next to the test bundle (both are built into the same folder).
    static var binary: String? {
        let candidates = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(), URL(fileURLWithPath: CommandLine.arguments[0])]
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let path = directory.appendingPathComponent("civic-ledger").path
                if FileManager.default.isExecutableFile(atPath: path) { return path }
                directory.deleteLastPathComponent()
            }
        }
        return nil
    }

    init(binary: String, directory: String) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--data", directory, "--port", "0", "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line of standard output is "listening on http://127.0.0.1:PORT".
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("listening on http://127.0.0.1:"), let port = Int(text.split(separator: ":").last ?? "") else {
            process.terminate()
            throw TestFailure("civic-ledger serve did not start: \(text)")
        }
        self.port = port
    }

    /// Runs a command of the binary to its end; throws unless it succeeds.
    static func run(_ binary: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestFailure("civic-ledger \(arguments.joined(separator: " ")) failed") }
    }

    func terminate() { if process.isRunning { process.terminate() } }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
