import ArgumentParser
import EventLog
import Foundation
import Projections
import Synchronization

struct ProjectionsRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild a projection from position 0, or build a read-only snapshot of it with --until and --as.",
        discussion: """
        Needs the data directory to itself: while a server holds it, ask the server instead
        (POST /v1/projections/NAME/rebuild with an operator token), which rebuilds beside the
        live generation without stopping queries. --until POS --as NAME@POS builds the state
        as of position POS (inclusive) as a snapshot, queryable beside the live projection.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

    @Argument(help: "The projection to rebuild.")
    var name: String

    @Option(help: "Build a snapshot of the state as of this log position (inclusive); needs --as.")
    var until: UInt64?

    @Option(name: .customLong("as"), help: "The snapshot's name, NAME@POS.")
    var label: String?

    func validate() throws {
        guard (until == nil) == (label == nil) else { throw ValidationError("--until and --as go together.") }
    }

    func run() async throws {
        try await failing(json: global.json) {
            let session = try ExclusiveProjections(global: global, catalogOptions: catalogOptions, bureauOptions: bureauOptions, command: "projections rebuild", name: name)
            defer { session.close() }
            if let until, let label {
                let progress = Mutex(Progress(label: "snapshot \(label)", total: until + 1))
                try await global.projecting {
                    try await session.engine.buildSnapshot(name, until: until, as: label) { update in
                        progress.withLock { $0.update(update.position.map { $0 + 1 } ?? 0) }
                    }
                }
                progress.withLock { $0.finish() }
                print("Built snapshot \(label) of \(name) as of position \(until).")
            } else {
                let generation = try await session.rebuild()
                print("Rebuilt \(name): generation \(generation) is live.")
            }
        }
    }
}

struct ProjectionsRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a read-only snapshot (NAME@POS); needs the data directory to itself.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

    @Argument(help: "The snapshot, NAME@POS.")
    var label: String

    func run() async throws {
        try await failing(json: global.json) {
            let session = try ExclusiveProjections(global: global, catalogOptions: catalogOptions, bureauOptions: bureauOptions, command: "projections remove", name: nil)
            defer { session.close() }
            try await global.projecting { try await session.engine.removeSnapshot(label) }
            print("Removed snapshot \(label).")
        }
    }
}
