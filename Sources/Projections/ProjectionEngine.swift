import Catalog
import EventLog
import Foundation
import JSON
import Synchronization

/// Owns `<data>/projections/`, runs every projection, answers queries. One per process that
/// writes; other processes open it with `openReadOnly`.
public final class ProjectionEngine: Sendable {
    public struct Options: Sendable {
        /// The most events one projection transaction applies (and one read of the log takes): large,
        /// because each commit writes the pages it touched and syncs them.
        public var chunkSize = 20_000
        /// How long a live projection may leave unwritten the positions it passed over without
        /// reading anything there. Its queries and status see them at once; only the stored
        /// checkpoint trails, by at most this, and a restart scans those records again.
        public var checkpointInterval: Duration = .seconds(1)
        /// How long `waitUntil` (a query's `minPosition`) waits before answering `.behind`.
        public var minPositionTimeout: Duration = .seconds(5)
        /// The map the environment starts with; it doubles whenever a transaction fills it.
        var initialMapSize = 1 << 30
        public init() {}
    }

    let store: ProjectionStore
    /// Nil when opened read-only.
    let writer: ProjectionWriter?
    let log: any EventReader
    let projections: [String: any Projection]
    /// The projections' names, in the order they were given.
    public let names: [String]
    let folds: [String: any EntityFold]
    let upcasters: Upcasters?
    let options: Options
    let watch = PositionWatch()
    /// Committed state values between transactions (writer thread only).
    let cache = StateCache()
    /// Whether `run()` is running (it may run once at a time: it alone reads `starts`).
    let isRunning = Mutex(false)
    /// The generations running in this process (by database name), with their figures.
    let runners = Mutex<[String: RunnerFigures]>([:])
    /// Where to send generations the running `run()` should start (rebuilds requested while it
    /// runs); nil while it does not run: the next `run()` finds them in the registry.
    let starts = Mutex<AsyncStream<GenerationStart>.Continuation?>(nil)

    /// Opens (creating when needed) `<directory>/projections/` for the process that writes.
    public convenience init(directory: String, log: any EventReader, projections: [any Projection], folds: [any EntityFold],
                            upcasters: Upcasters?, options: Options = .init()) throws {
        try self.init(directory: directory, log: log, projections: projections, folds: folds, upcasters: upcasters,
                      options: options, readOnly: false)
    }

    /// Opens the registry read-only (beside a running server): status, dump and queries, no running.
    public static func openReadOnly(directory: String, projections: [any Projection], folds: [any EntityFold], log: any EventReader,
                                    upcasters: Upcasters? = nil) throws -> ProjectionEngine {
        try ProjectionEngine(directory: directory, log: log, projections: projections, folds: folds, upcasters: upcasters,
                             options: .init(), readOnly: true)
    }

    init(directory: String, log: any EventReader, projections: [any Projection], folds: [any EntityFold],
         upcasters: Upcasters?, options: Options, readOnly: Bool) throws {
        var byName: [String: any Projection] = [:]
        for projection in projections {
            try Self.validate(projection.name)
            guard byName.updateValue(projection, forKey: projection.name) == nil else {
                throw ProjectionError.invalidName("two projections are named '\(projection.name)'")
            }
        }
        var foldsByName: [String: any EntityFold] = [:]
        for fold in folds { foldsByName[fold.entity] = fold }
        self.projections = byName
        self.names = projections.map(\.name)
        self.folds = foldsByName
        self.log = log
        self.upcasters = upcasters
        var options = options
        options.chunkSize = max(1, options.chunkSize)
        self.options = options
        do {
            store = try ProjectionStore(directory: directory, readOnly: readOnly, mapSize: options.initialMapSize)
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw ProjectionError.storage("\(error)")
        }
        writer = readOnly ? nil : ProjectionWriter()
        if !readOnly {
            // No job has reached the writer thread yet, so the registry is set up on this one.
            try Self.storage { try self.register(projections) }
        }
    }

    deinit {
        starts.withLock { $0?.finish() }
        writer?.stop()
    }

    /// Projection names are path segments and database names: lowercase letters, digits, dashes.
    static func validate(_ name: String) throws {
        let allowed = !name.isEmpty && name.utf8.count <= 100 && name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
        guard allowed else { throw ProjectionError.invalidName("'\(name)' must be 1 to 100 of a-z, 0-9 and '-'") }
    }

    /// Runs `body`, turning storage errors into `ProjectionError.storage`.
    static func storage<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw ProjectionError.storage("\(error)")
        }
    }

    /// Runs `body` on the writer thread.
    func onWriter<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard let writer else { throw ProjectionError.storage("the projections were opened read-only") }
        do {
            return try await writer.perform(body)
        } catch let error as ProjectionError {
            throw error
        } catch {
            throw ProjectionError.storage("\(error)")
        }
    }

    func projection(_ name: String) throws -> any Projection {
        guard let projection = projections[name] else {
            throw name.contains("@") ? ProjectionError.readOnlySnapshot(name) : ProjectionError.unknownProjection(name)
        }
        return projection
    }
}

/// A generation `run()` should drive.
struct GenerationStart: Sendable {
    let projection: String
    let generation: Int
}
