import EventLog
import JSON
import LMDB

extension ProjectionEngine {
    /// `applyChunk` for a `StreamStateProjection`: each touched stream's value stays a native
    /// value for the whole chunk, then every changed one is written once, in key order, with its
    /// checkpoint in the same transaction. A handler's failure keeps nothing of the chunk.
    func applyStreamStates<P: StreamStateProjection>(_ projection: P, generation: Int, headers: [EventHeader], through: UInt64,
                                                     reachedEnd: Bool) throws -> ChunkOutcome {
        let name = projection.name
        let generationKey = RegistryKey.generation(name, generation)
        let databaseName = GenerationRecord.databaseName(name, generation)
        let database = try store.database(databaseName)
        let committed = StreamStates<P.StreamState>.cached(in: cache.values(for: databaseName))
        var changed: [StreamName: P.StreamState] = [:]
        changed.reserveCapacity(headers.count)
        do {
            let outcome = try store.write { txn -> ChunkOutcome in
                guard var record = try store.record(GenerationRecord.self, at: generationKey, in: txn) else { return .retired }
                // The body runs again when the map had to grow: start from the committed values.
                changed.removeAll(keepingCapacity: true)
                for header in headers where projection.reads(header.type) {
                    let stream = header.stream
                    do {
                        // One hash lookup for a stream already touched in this chunk (the common case).
                        if let index = changed.index(forKey: stream) {
                            try projection.add(header, to: &changed.values[index])
                        } else {
                            var state = try committed.values[stream] ?? stored(stream, of: projection, in: txn, database: database)
                            try projection.add(header, to: &state)
                            changed[stream] = state
                        }
                    } catch let error as LMDBError {
                        throw error
                    } catch {
                        throw HandlerFailure(failure: ProjectionFailure(position: header.position, eventID: header.id.uuidString,
                                                                        type: header.type, message: "\(error)"))
                    }
                }
                try write(changed, of: projection, in: txn, database: database)
                record.position = through
                record.failure = nil
                try store.put(record, at: generationKey, in: txn)
                return try switchIfCaughtUp(name, generation: generation, through: through, reachedEnd: reachedEnd, in: txn)
            }
            committed.values.merge(changed) { _, new in new }
            return outcome
        } catch let handler as HandlerFailure {
            return try recordFailure(handler.failure, at: generationKey)
        }
    }

    /// A stream's value as the last commit left it (the writer thread is the only writer).
    private func stored<P: StreamStateProjection>(_ stream: StreamName, of projection: P, in txn: WriteTransaction,
                                                  database: Database) throws -> P.StreamState {
        guard let bytes = try txn.get(Array(projection.key(forStream: stream).utf8), in: database) else {
            return projection.initial(stream: stream)
        }
        return try projection.state(from: try JSONParser().parse(Array(bytes)), stream: stream)
    }

    /// Writes the changed values in key order (LMDB inserts fastest that way).
    private func write<P: StreamStateProjection>(_ changed: [StreamName: P.StreamState], of projection: P, in txn: WriteTransaction,
                                                 database: Database) throws {
        var keys: [(key: [UInt8], stream: StreamName)] = []
        keys.reserveCapacity(changed.count)
        for stream in changed.keys {
            keys.append((Array(projection.key(forStream: stream).utf8), stream))
        }
        keys.sort { $0.key.lexicographicallyPrecedes($1.key) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        for entry in keys {
            bytes.removeAll(keepingCapacity: true)
            projection.writeCanonicalJSON(changed[entry.stream]!, into: &bytes)
            try txn.put(bytes, for: entry.key, in: database)
        }
    }
}
