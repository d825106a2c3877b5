import ArgumentParser
import Foundation
import Projections

struct ProjectionsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "One line per projection: generation, phase, position, lag and snapshots.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await failing(json: global.json) {
            let engine = try global.openProjectionsReadOnly(command: "projections list")
            for status in try await global.projecting({ try await engine.statuses() }) {
                var line = "\(status.name) v\(status.version) generation \(status.generation) \(status.phase.rawValue)"
                line += " position \(status.position.map(String.init) ?? "none") lag \(status.lag)"
                if let rebuild = status.rebuild { line += " rebuilding generation \(rebuild.generation) at \(rebuild.position.map(String.init) ?? "none")" }
                if let failure = status.failure { line += " failed at \(failure.position): \(failure.message)" }
                if !status.snapshots.isEmpty { line += " snapshots " + status.snapshots.joined(separator: ",") }
                print(line)
            }
        }
    }
}

struct ProjectionsStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print a projection's status as JSON (every projection's when no name is given).",
        discussion: "Exits 4 when a projection shown has failed, naming the event it stopped at.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A projection or snapshot (NAME@POS).")
    var name: String?

    func run() async throws {
        try await failing(json: global.json) {
            let engine = try global.openProjectionsReadOnly(command: "projections status")
            let statuses: [ProjectionStatus]
            if let name {
                statuses = [try await global.projecting { try await engine.status(of: name) }]
                printJSON(statuses[0])
            } else {
                statuses = try await global.projecting { try await engine.statuses() }
                printJSON(["projections": statuses])
            }
            if let failed = statuses.first(where: { $0.failure != nil }), let failure = failed.failure {
                throw CommandFailure(ProjectionError.failed(failure), json: global.json)
            }
        }
    }
}

struct ProjectionsDumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Write a projection's state as canonical NDJSON: one {\"key\",\"value\"} line per key, in key order.",
        discussion: "Two projections built from the same log dump to the same bytes.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A projection or snapshot (NAME@POS).")
    var name: String

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() async throws {
        try await failing(json: global.json) {
            let engine = try global.openProjectionsReadOnly(command: "projections dump")
            let sink = try DumpSink(path: out)
            try await global.projecting { try await engine.dump(name) { try sink.write($0) } }
            try sink.finish()
        }
    }
}

/// Buffered output for a dump, to a file or standard output.
final class DumpSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandFailure(message: "Cannot create \(path).", code: "invalid-input", exitCode: CommandFailure.invalidInput, json: false)
            }
            self.handle = handle
        } else {
            handle = .standardOutput
        }
    }

    func write(_ bytes: ArraySlice<UInt8>) throws {
        buffer += bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    func finish() throws {
        try flush()
        if handle !== FileHandle.standardOutput { try handle.close() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
