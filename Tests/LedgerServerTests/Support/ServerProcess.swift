import Foundation
import Testing

/// A new ledger made by the built `civic-ledger init` in a temporary directory, with the tests'
/// tokens: for tests that run `civic-ledger serve` as an operator would.
struct BuiltLedger: Sendable {
    let binary: String
    let directory: String
    let tokens: Tokens

    init() throws {
        binary = try #require(ServerProcess.binary, "civic-ledger is not built next to the test bundle")
        directory = NSTemporaryDirectory() + "civic-ledger-process-test-" + UUID().uuidString
        do {
            try ServerProcess.run(binary, ["init", "--data", directory])
            tokens = try Tokens.create(in: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Starts `civic-ledger serve` on it; see `ServerProcess` for `fileSizeLimitKiB`.
    func serve(fileSizeLimitKiB: Int? = nil) throws -> ServerProcess {
        try ServerProcess(binary: binary, directory: directory, fileSizeLimitKiB: fileSizeLimitKiB)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
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
