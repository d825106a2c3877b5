import Foundation
import LMDB

/// Registry changes. Each runs on the writer thread (or in `init`, before it exists).
extension ProjectionEngine {
    /// Creates the first generation of new projections and opens the databases of known ones.
    func register(_ projections: [any Projection]) throws {
        for projection in projections {
            let key = RegistryKey.projection(projection.name)
            if let record = try store.read({ try store.record(ProjectionRecord.self, at: key, in: $0) }) {
                for generation in [record.active] + (record.building.map { [$0] } ?? []) {
                    _ = try store.database(GenerationRecord.databaseName(projection.name, generation))
                }
            } else {
                _ = try createGeneration(of: projection, until: nil) { record, generation, _ in
                    record = ProjectionRecord(active: generation, building: nil, nextGeneration: generation + 1)
                }
            }
        }
        let snapshots = try store.read { txn in
            try store.keys(prefix: RegistryKey.snapshotPrefix, in: txn).compactMap { try store.record(SnapshotRecord.self, at: $0, in: txn) }
        }
        for snapshot in snapshots { _ = try store.database(GenerationRecord.databaseName(snapshot.projection, snapshot.generation)) }
    }

    /// Makes a new, empty generation of `projection`; `adopt` records where it belongs in the
    /// projection's record (`record` is nil for a projection never seen).
    func createGeneration(of projection: any Projection, until: UInt64?,
                          adopt: (inout ProjectionRecord?, Int, WriteTransaction) throws -> Void) throws -> Int {
        let key = RegistryKey.projection(projection.name)
        let generation = try store.read { try store.record(ProjectionRecord.self, at: key, in: $0) }?.nextGeneration ?? 1
        // Opening creates the database in a transaction of its own, so it happens before ours.
        let database = try store.database(GenerationRecord.databaseName(projection.name, generation))
        try store.write { txn in
            var record = try store.record(ProjectionRecord.self, at: key, in: txn)
            // A crash between creating and registering may have left the database behind.
            try txn.clear(database)
            cache.forget(GenerationRecord.databaseName(projection.name, generation))
            try adopt(&record, generation, txn)
            guard var adopted = record else { throw ProjectionError.storage("no record for '\(projection.name)'") }
            adopted.nextGeneration = max(adopted.nextGeneration, generation + 1)
            try store.put(adopted, at: key, in: txn)
            let fresh = GenerationRecord(projection: projection.name, generation: generation, version: projection.version,
                                         position: nil, until: until, failure: nil)
            try store.put(fresh, at: RegistryKey.generation(projection.name, generation), in: txn)
        }
        return generation
    }

    /// Starts a generation beside the live one; refused while one is being built.
    /// A build that stopped at a failing event is replaced.
    func startRebuild(of projection: any Projection) throws -> Int {
        try createGeneration(of: projection, until: nil) { record, generation, txn in
            guard var current = record else { throw ProjectionError.unknownProjection(projection.name) }
            if let building = current.building {
                let key = RegistryKey.generation(projection.name, building)
                let built = try store.record(GenerationRecord.self, at: key, in: txn)
                guard let built, built.failure != nil else { throw ProjectionError.rebuildInProgress(projection.name) }
                try store.retire(built.databaseName, in: txn)
                try store.remove(key, in: txn)
                cache.forget(built.databaseName)
            }
            current.building = generation
            record = current
        }
    }

    /// Throws `rebuildInProgress` when `name` has a generation being built that has not failed;
    /// reads the registry only, off the writer thread.
    func refuseIfRebuilding(_ name: String) throws {
        let running = try Self.storage {
            try store.read { txn -> Bool in
                guard let record = try store.record(ProjectionRecord.self, at: RegistryKey.projection(name), in: txn),
                      let building = record.building,
                      let built = try store.record(GenerationRecord.self, at: RegistryKey.generation(name, building), in: txn)
                else { return false }
                return built.failure == nil
            }
        }
        if running { throw ProjectionError.rebuildInProgress(name) }
    }

    /// The generations to drive when `run()` starts: each live generation built by the code's
    /// version, and a generation beside each one that is not (a rebuild, started here if needed).
    /// A live generation of another version keeps answering but is not fed events: its code is gone.
    func generationsToRun() throws -> [GenerationStart] {
        var starts: [GenerationStart] = []
        for name in names {
            let projection = projections[name]!
            let key = RegistryKey.projection(name)
            guard let record = try store.read({ try store.record(ProjectionRecord.self, at: key, in: $0) }) else { continue }
            let active = try store.read { try store.record(GenerationRecord.self, at: RegistryKey.generation(name, record.active), in: $0) }
            if active?.version == projection.version {
                starts.append(GenerationStart(projection: name, generation: record.active))
            }
            if let building = record.building {
                let built = try store.read { try store.record(GenerationRecord.self, at: RegistryKey.generation(name, building), in: $0) }
                if built?.version == projection.version {
                    starts.append(GenerationStart(projection: name, generation: building))
                    continue
                }
                // Begun by older code: drop it; a new one starts below if still needed.
                try store.write { txn in
                    var current = record
                    current.building = nil
                    try store.retire(GenerationRecord.databaseName(name, building), in: txn)
                    cache.forget(GenerationRecord.databaseName(name, building))
                    try store.remove(RegistryKey.generation(name, building), in: txn)
                    try store.put(current, at: key, in: txn)
                }
            }
            if active?.version != projection.version {
                starts.append(GenerationStart(projection: name, generation: try startRebuild(of: projection)))
            }
        }
        return starts
    }
}
