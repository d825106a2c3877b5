import ArgumentParser
import EventLog
import Foundation
import Projections

/// `civic-ledger projections …`: the read models kept beside the log.
struct ProjectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "projections",
        abstract: "List, inspect, rebuild, snapshot and dump the projections (read models) of a data directory.",
        discussion: """
        list, status and dump work beside a running server (they read a consistent snapshot).
        rebuild and remove need the data directory to themselves; while a server holds it,
        ask the server instead: POST /v1/projections/NAME/rebuild with an operator token.
        """,
        subcommands: [
            ProjectionsListCommand.self, ProjectionsStatusCommand.self, ProjectionsRebuildCommand.self,
            ProjectionsRemoveCommand.self, ProjectionsDumpCommand.self,
        ])
}

extension GlobalOptions {
    /// The projection engine of this data directory, for reading beside a running server.
    func openProjectionsReadOnly(command: String) throws -> ProjectionEngine {
        let store = try open(writing: false, command: command)
        return try projecting {
            // Reading needs no settings: only building applies them.
            try ProjectionEngine.openReadOnly(directory: directory, projections: ServedProjections.projections(),
                                              folds: ServedProjections.folds(), log: store)
        }
    }

    /// Runs `body`, turning a projection error into the command's failure and exit code.
    func projecting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ProjectionError { throw CommandFailure(error, json: json) }
    }

    func projecting<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as ProjectionError { throw CommandFailure(error, json: json) }
    }
}

extension CommandFailure {
    /// Exit 3 for a name or request that is wrong, 4 for storage and state that stops the work.
    init(_ error: ProjectionError, json: Bool) {
        let exitCode: Int32 = switch error {
        case .unknownProjection, .unknownEntity, .invalidName, .invalidKey, .readOnlySnapshot: CommandFailure.invalidInput
        case .behind, .failed, .rebuildInProgress, .storage: CommandFailure.storage
        }
        self.init(message: error.description, code: error.code, exitCode: exitCode, json: json)
    }
}
