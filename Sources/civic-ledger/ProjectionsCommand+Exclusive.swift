import EventLog
import Foundation
import Projections
import Synchronization

/// The projections of a data directory that no server holds: the command takes the ledger's
/// writer lock (appending nothing), so that no other process writes the projections meanwhile.
struct ExclusiveProjections {
    let global: GlobalOptions
    let store: LMDBEventStore
    let engine: ProjectionEngine
    let name: String?

    init(global: GlobalOptions, catalogOptions: CatalogOptions, bureauOptions: BureauOptions, command: String, name: String?) throws {
        self.global = global
        self.name = name
        do {
            store = try LMDBEventStore(LedgerConfiguration(directory: global.directory, access: .write(holder: "civic-ledger \(command)")))
        } catch EventLogError.dataDirectoryBusy(_, let holder) {
            let route = "POST /v1/projections/\(name ?? "NAME")/rebuild"
            throw CommandFailure(
                message: "\(holder) holds \(global.directory), so this command cannot write its projections. "
                    + "Ask the server instead: \(route) with an operator token (it rebuilds beside the live generation).",
                code: "data-directory-busy", exitCode: CommandFailure.storage, json: global.json)
        }
        let catalog = try catalogOptions.load(json: global.json)
        let upcasters = try ServedProjections.upcasters(catalog, json: global.json)
        let store = self.store
        let settings = try bureauOptions.settings(json: global.json)
        engine = try global.projecting {
            try ProjectionEngine(directory: global.directory, log: store, projections: ServedProjections.projections(settings: settings),
                                 folds: ServedProjections.folds(settings: settings), upcasters: upcasters)
        }
    }

    func close() { store.close() }

    /// Builds a new generation of `name` from position 0 and switches it live; shows a
    /// progress bar on a terminal. Returns the generation.
    func rebuild() async throws -> Int {
        let name = self.name!
        let head = try await store.size()
        let progress = Mutex(Progress(label: "rebuild \(name)", total: head))
        let generation = try await global.projecting {
            try await engine.rebuildNow(name) { update in
                progress.withLock { $0.update(update.position.map { $0 + 1 } ?? 0) }
            }
        }
        progress.withLock { $0.finish() }
        return generation
    }
}
