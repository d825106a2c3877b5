import Foundation

/// The package's built executables, found beside the running test bundle.
enum BuiltProducts {
    static let directory: URL = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // The test bundle may sit in a folder of its own inside the build directory.
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("civic-ledger").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// A finished child process's output and status.
struct Finished {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a built product to completion with `input` on stdin.
func run(_ product: String, _ arguments: [String], input: String = "", environment: [String: String] = [:], absolute: Bool = false) throws -> Finished {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: absolute ? "/usr/bin/env" : BuiltProducts.path(product))
    let arguments = absolute ? [product] + arguments : arguments
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Finished(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
}

/// A fresh directory for one test.
func temporaryPath() -> String {
    NSTemporaryDirectory() + "civic-ledger-cli-" + UUID().uuidString
}

/// A catalog-valid event line (`rescue.PersonLeft`), distinct per `serial`.
func personLeft(_ serial: Int, stream: String? = nil, id: String? = nil, metadata: String? = nil) -> String {
    let caseId = String(format: "RS-330481-2026-%05d", serial % 100_000)
    var members = [#""type":"rescue.PersonLeft""#, #""data":{"rescueCaseId":"\#(caseId)","leftDate":"2026-01-10"}"#]
    if let stream { members.insert(#""stream":"\#(stream)""#, at: 0) }
    if let id { members.insert(#""id":"\#(id)""#, at: 0) }
    if let metadata { members.append(#""metadata":\#(metadata)"#) }
    return "{" + members.joined(separator: ",") + "}"
}
