import EventLog
import Foundation

extension ProjectionEngine {
    /// The status of every projection, in the order they were given; one the registry does not
    /// hold yet (added in code, never started) is left out.
    public func statuses() async throws -> [ProjectionStatus] {
        let head = try await log.head()
        return try names.compactMap { name in
            do {
                return try status(of: name, head: head)
            } catch ProjectionError.unknownProjection {
                return nil
            }
        }
    }

    /// The status of one projection.
    public func status(of name: String) async throws -> ProjectionStatus {
        // Status is kept per projection (its snapshots are listed in it): any other name is unknown
        // here, where a rebuild would call a snapshot label read-only.
        guard projections[name] != nil else { throw ProjectionError.unknownProjection(name) }
        return try status(of: name, head: try await log.head())
    }

    private func status(of name: String, head: UInt64?) throws -> ProjectionStatus {
        let (record, live, building, snapshots) = try Self.storage {
            try store.read { txn in
                guard let record = try store.record(ProjectionRecord.self, at: RegistryKey.projection(name), in: txn),
                      let live = try store.record(GenerationRecord.self, at: RegistryKey.generation(name, record.active), in: txn)
                else { throw ProjectionError.unknownProjection(name) }
                let building = try record.building.flatMap { try store.record(GenerationRecord.self, at: RegistryKey.generation(name, $0), in: txn) }
                let snapshots = try store.keys(prefix: RegistryKey.snapshotPrefix, in: txn).compactMap { key -> String? in
                    guard let snapshot = try store.record(SnapshotRecord.self, at: key, in: txn),
                          snapshot.projection == name, snapshot.complete else { return nil }
                    return String(key.dropFirst(RegistryKey.snapshotPrefix.count))
                }
                return (record, live, building, snapshots)
            }
        }
        let figures = runners.withLock { $0 }
        let liveFigures = figures[live.databaseName]
        // Run here, the live generation may have passed over records it does not read without
        // writing its checkpoint yet (ProjectionEngine.Options.checkpointInterval): it is there.
        var position = live.position
        if writer != nil, liveFigures != nil, let announced = watch.reached(name), !announced.failedSince {
            position = max(position ?? 0, announced.position)
        }
        let lag = Self.lag(from: position, to: head)
        let phase: ProjectionPhase
        if live.failure != nil {
            phase = .failed
        } else if let liveFigures {
            phase = liveFigures.phase
        } else if writer == nil {
            // Read beside the server that runs it: all that can be seen is whether it is behind.
            phase = lag == 0 ? .live : .catchingUp
        } else if record.building != nil, let projection = projections[name], projection.version != live.version {
            phase = .catchingUp
        } else {
            phase = .stopped
        }
        let rebuild = building.map { generation in
            let progress = figures[generation.databaseName]?.rateAndETA(lag: Self.lag(from: generation.position, to: head))
            return RebuildProgress(generation: generation.generation, position: generation.position,
                                   eventsPerSecond: progress?.eventsPerSecond ?? 0, etaSeconds: progress?.eta)
        }
        let progress = liveFigures?.rateAndETA(lag: lag)
        return ProjectionStatus(name: name, version: live.version, generation: live.generation, position: position,
                                head: head, lag: lag, phase: phase, eventsPerSecond: progress?.eventsPerSecond ?? 0,
                                etaSeconds: phase == .catchingUp ? progress?.eta : nil, failure: live.failure,
                                rebuild: rebuild, snapshots: snapshots)
    }

    /// Events from just after `position` to `head`, inclusive.
    static func lag(from position: UInt64?, to head: UInt64?) -> UInt64 {
        guard let head else { return 0 }
        guard let position else { return head + 1 }
        return head > position ? head - position : 0
    }
}
