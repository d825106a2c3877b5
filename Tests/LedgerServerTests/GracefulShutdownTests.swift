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
        let refusals = Locked<[String]>([])
        let underLoad = Gate()
        let writers = 8
        let stopped = Locked(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    defer { if stopped.withLock({ $0 += 1; return $0 }) == writers { Task { await underLoad.open() } } }
                    for step in 0... {
                        let id = UUID().uuidString.lowercased()
                        // A type the catalog knows, with a payload its schema admits (the server enforces the catalog).
                        let data = #"{"creditCode":"51330481MJ0011223N","town":"330481101","joinedDate":"2026-03-\#(String(format: "%02d", step % 28 + 1))"}"#
                        let body = #"{"events":[{"id":"\#(id)","type":"organizations.GridServiceJoined","data":\#(data)}]}"#
                        guard let reply = try? await Reply.send(.POST, first.base + "/v1/streams/load-\(writer)/events", token: tokens.appender, body: body)
                        else { return }
                        guard reply.status == 201 else {
                            if reply.status != 503 { refusals.withLock { $0.append("\(reply.status) \(reply.text)") } }
                            return
                        }
                        let position = try #require((reply.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
                        if acknowledged.withLock({ $0.append((id, position)); return $0.count }) == 50 { await underLoad.open() }
                    }
                }
            }
            // SIGTERM once appends are flowing (or once every writer stopped, so a broken server fails instead of hanging).
            await underLoad.waitOnce()
            first.terminate()
            // Once it is gone, stop the writers: the HTTP client would keep trying to reconnect.
            await withCheckedContinuation { exited in Thread.detachNewThread { _ = first.waitForExit(); exited.resume() } }
            group.cancelAll()
            try await group.waitForAll()
        }
        #expect(refusals.value.isEmpty, "appends were refused: \(refusals.value.prefix(3))")
        let exit = first.waitForExit()
        #expect(exit == 0)

        let second = try ServerProcess(binary: binary, directory: directory)
        defer { second.terminate(); _ = second.waitForExit() }
        let acks = acknowledged.value
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

    /// With `fileSizeLimitKiB`, no file of the server may grow past it (RLIMIT_FSIZE): writes
    /// beyond fail with EFBIG, as on a full file system.
    init(binary: String, directory: String, fileSizeLimitKiB: Int? = nil) throws {
        process = Process()
        let serve = ["serve", "--data", directory, "--port", "0", "--log-level", "warning"]
        if let fileSizeLimitKiB {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimitKiB); exec \"$@\"", "serve-limited", binary] + serve
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = serve
        }
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
