import Foundation

extension ProjectionEngine {
    /// Starts building a new generation from position 0 beside the live one; switches atomically
    /// when it has caught up with the head, then removes the old one. Returns the new generation.
    /// The build runs within `run()` (started there if `run()` is not running yet).
    @discardableResult
    public func rebuild(_ name: String) async throws -> Int {
        let projection = try projection(name)
        // Refused at once when a rebuild already runs: the writer thread may be busy applying a
        // long chunk (that very rebuild's), and an operator should not wait on it to hear "409".
        // The writer checks again, so two requests racing here still start one rebuild.
        try refuseIfRebuilding(name)
        let generation = try await onWriter { try self.startRebuild(of: projection) }
        _ = starts.withLock { $0?.yield(GenerationStart(projection: name, generation: generation)) }
        return generation
    }

    /// Rebuilds `name` in the caller's task, for a data directory no server holds: builds a new
    /// generation from position 0 and returns once it has switched live. Returns the generation.
    @discardableResult
    public func rebuildNow(_ name: String, progress: @Sendable (RebuildProgress) -> Void = { _ in }) async throws -> Int {
        let projection = try projection(name)
        let generation = try await onWriter { try self.startRebuild(of: projection) }
        let end = try await follow(projection, generation: generation, until: nil, untilLive: true) { reached, figures in
            progress(RebuildProgress(generation: generation, position: reached, eventsPerSecond: figures.eventsPerSecond(), etaSeconds: nil))
        }
        switch end {
        case .reachedUntil: return generation
        case .failed(let failure): throw ProjectionError.failed(failure)
        case .cancelled: throw CancellationError()
        case .retired: throw ProjectionError.unknownProjection(name)
        }
    }

    /// Builds `name` from 0 until `position` (inclusive) as a read-only snapshot named `label`
    /// (e.g. "relief@1200"), queryable beside the live one. Returns when done; an interrupted
    /// build of the same label resumes where it stopped.
    public func buildSnapshot(_ name: String, until position: UInt64, as label: String,
                              progress: @Sendable (RebuildProgress) -> Void = { _ in }) async throws {
        let projection = try projection(name)
        let prefix = name + "@"
        guard label.hasPrefix(prefix), label.count > prefix.count,
              label.dropFirst(prefix.count).utf8.allSatisfy({ byte in
                  (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
              })
        else { throw ProjectionError.invalidName("a snapshot of '\(name)' is named '\(name)@' and then a-z, 0-9 or '-', not '\(label)'") }
        let head = try await log.head()
        guard let head, head >= position else { throw ProjectionError.behind(name: label, position: head, wanted: position) }
        let generation = try await onWriter { try self.startSnapshot(of: projection, until: position, as: label) }
        let end = try await follow(projection, generation: generation, until: position) { reached, figures in
            let rate = figures.eventsPerSecond()
            progress(RebuildProgress(generation: generation, position: reached, eventsPerSecond: rate,
                                     etaSeconds: rate > 0 ? Double(position - reached) / rate : nil))
        }
        switch end {
        case .reachedUntil:
            try await onWriter { try self.completeSnapshot(label) }
        case .failed(let failure):
            throw ProjectionError.failed(failure)
        case .cancelled:
            throw CancellationError()
        case .retired:
            throw ProjectionError.unknownProjection(label)
        }
    }

    /// Removes a snapshot made by `buildSnapshot`.
    public func removeSnapshot(_ label: String) async throws {
        if projections[label] != nil { throw ProjectionError.readOnlySnapshot(label) }
        try await onWriter {
            try self.store.write { txn in
                guard let snapshot = try self.store.record(SnapshotRecord.self, at: RegistryKey.snapshot(label), in: txn) else {
                    throw ProjectionError.unknownProjection(label)
                }
                try self.store.retire(GenerationRecord.databaseName(snapshot.projection, snapshot.generation), in: txn)
                self.cache.forget(GenerationRecord.databaseName(snapshot.projection, snapshot.generation))
                try self.store.remove(RegistryKey.generation(snapshot.projection, snapshot.generation), in: txn)
                try self.store.remove(RegistryKey.snapshot(label), in: txn)
            }
        }
    }

    /// The generation for a snapshot: a new one, or the one an interrupted build left.
    private func startSnapshot(of projection: any Projection, until: UInt64, as label: String) throws -> Int {
        let key = RegistryKey.snapshot(label)
        if let existing = try store.read({ try store.record(SnapshotRecord.self, at: key, in: $0) }) {
            guard !existing.complete, existing.until == until else { throw ProjectionError.invalidName("'\(label)' already exists") }
            return existing.generation
        }
        let generation = try createGeneration(of: projection, until: until) { _, _, _ in }
        try store.write { txn in
            try store.put(SnapshotRecord(projection: projection.name, generation: generation, until: until, complete: false), at: key, in: txn)
        }
        return generation
    }

    private func completeSnapshot(_ label: String) throws {
        try store.write { txn in
            guard var snapshot = try store.record(SnapshotRecord.self, at: RegistryKey.snapshot(label), in: txn) else { return }
            snapshot.complete = true
            try store.put(snapshot, at: RegistryKey.snapshot(label), in: txn)
        }
    }
}
