import Catalog
import EventLog
import Foundation
import JSON
import LMDB

/// What came of applying one chunk of events to a generation.
enum ChunkOutcome: Sendable {
    /// Committed; `live` says whether the generation is the one queries read (after a switch too).
    case committed(live: Bool, switched: Bool)
    /// A handler refused an event: nothing of the chunk was kept.
    case failed(ProjectionFailure)
    /// The generation was replaced or removed meanwhile; its runner stops.
    case retired
}

/// A handler's failure, carried out of the write transaction so that it aborts.
struct HandlerFailure: Error {
    let failure: ProjectionFailure
}

extension ProjectionEngine {
    /// Applies a chunk's events to a generation and moves its checkpoint to `through`, in one
    /// transaction; switches a rebuilt generation live when it has caught up. Writer thread only.
    func applyChunk(_ projection: any Projection, generation: Int, chunk: LogChunk, through: UInt64) throws -> ChunkOutcome {
        // The built-in projection is called by its type, so the compiler specialises the loop for it.
        if let streams = projection as? StreamSummaryProjection {
            return try applyStreamStates(streams, generation: generation, headers: chunk.headers, through: through, reachedEnd: chunk.reachedEnd)
        }
        if let typed = projection as? any StreamStateProjection {
            return try applyStreamStates(typed, generation: generation, headers: chunk.headers, through: through, reachedEnd: chunk.reachedEnd)
        }
        let events = chunk.events, reachedEnd = chunk.reachedEnd
        let name = projection.name
        let generationKey = RegistryKey.generation(name, generation)
        let database = try store.database(GenerationRecord.databaseName(name, generation))
        let databaseName = GenerationRecord.databaseName(name, generation)
        var committedState: ProjectionStateWriter?
        do {
            let outcome = try store.write { txn -> ChunkOutcome in
                guard var record = try store.record(GenerationRecord.self, at: generationKey, in: txn) else { return .retired }
                let state = ProjectionStateWriter(transaction: txn, database: database, committed: cache.values(for: databaseName))
                committedState = state
                for event in events where projection.reads(event.type) {
                    do {
                        try projection.apply(try projected(event, readingPayload: projection.readsPayload), to: state)
                    } catch let error as LMDBError where error.isMapFull {
                        throw error
                    } catch {
                        throw HandlerFailure(failure: ProjectionFailure(position: event.position, eventID: event.id.uuidString,
                                                                        type: event.type, message: "\(error)"))
                    }
                }
                try state.flush()
                record.position = through
                record.failure = nil
                try store.put(record, at: generationKey, in: txn)
                return try switchIfCaughtUp(name, generation: generation, through: through, reachedEnd: reachedEnd, in: txn)
            }
            committedState?.committedToCache()
            return outcome
        } catch let handler as HandlerFailure {
            // Values read in the aborted transaction are still the committed ones; nothing it wrote was kept.
            return try recordFailure(handler.failure, at: generationKey)
        }
    }

    /// Keeps a handler's failure in the generation's record, in a transaction of its own.
    func recordFailure(_ failure: ProjectionFailure, at generationKey: String) throws -> ChunkOutcome {
        try store.write { txn in
            guard var record = try store.record(GenerationRecord.self, at: generationKey, in: txn) else { return }
            record.failure = failure
            try store.put(record, at: generationKey, in: txn)
        }
        return .failed(failure)
    }

    /// Makes a generation being built the live one once it has reached the head and the live one.
    func switchIfCaughtUp(_ name: String, generation: Int, through: UInt64, reachedEnd: Bool,
                          in txn: WriteTransaction) throws -> ChunkOutcome {
        let key = RegistryKey.projection(name)
        guard var record = try store.record(ProjectionRecord.self, at: key, in: txn) else { return .committed(live: false, switched: false) }
        guard record.building == generation else { return .committed(live: record.active == generation, switched: false) }
        let oldKey = RegistryKey.generation(name, record.active)
        let old = try store.record(GenerationRecord.self, at: oldKey, in: txn)
        guard reachedEnd, (old?.position).map({ $0 <= through }) ?? true,
              watch.claimLive(name, generation: generation, at: through) else { return .committed(live: false, switched: false) }
        if old != nil {
            try store.retire(GenerationRecord.databaseName(name, record.active), in: txn)
            cache.forget(GenerationRecord.databaseName(name, record.active))
            try store.remove(oldKey, in: txn)
        }
        record.active = generation
        record.building = nil
        try store.put(record, at: key, in: txn)
        return .committed(live: true, switched: true)
    }

    /// An event as projections see it: its payload parsed and upcast to its type's latest version.
    func projected(_ event: RecordedEvent, readingPayload: Bool) throws -> ProjectedEvent {
        guard readingPayload else { return ProjectedEvent(event: event, schemaVersion: 0, payload: .null) }
        if let upcasters, upcasters.latestVersion(of: event.type) != nil {
            let upcast = try upcasters.upcast(event)
            return ProjectedEvent(event: event, schemaVersion: upcast.version, payload: upcast.payload)
        }
        // A type the catalog does not know (or no catalog): read as stored.
        return ProjectedEvent(event: event, schemaVersion: SchemaVersion.stored(metadata: event.metadata),
                              payload: try JSONParser().parse(event.payload))
    }

    /// Clears the failure of an earlier run so the generation tries its event again.
    /// Returns the generation's record; nil when it no longer exists.
    func resume(_ name: String, generation: Int) throws -> GenerationRecord? {
        let key = RegistryKey.generation(name, generation)
        return try store.write { txn in
            guard var record = try store.record(GenerationRecord.self, at: key, in: txn) else { return nil }
            if record.failure != nil {
                record.failure = nil
                try store.put(record, at: key, in: txn)
            }
            return record
        }
    }
}
