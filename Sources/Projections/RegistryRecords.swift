/// What the `registry` database holds for one projection: which generation queries read, and
/// which one is being built beside it.
struct ProjectionRecord: Codable, Equatable {
    var active: Int
    var building: Int?
    var nextGeneration: Int
}

/// One generation of a projection's state: the code version that built it and its checkpoint,
/// which commits in the same transaction as the state it describes.
struct GenerationRecord: Codable, Equatable {
    let projection: String
    let generation: Int
    let version: Int
    /// The last log position applied or passed over (nil: none yet).
    var position: UInt64?
    /// For snapshots: the last position it takes.
    let until: UInt64?
    /// The event it stopped at, if it did.
    var failure: ProjectionFailure?

    /// The LMDB database holding this generation's state.
    var databaseName: String { GenerationRecord.databaseName(projection, generation) }

    static func databaseName(_ projection: String, _ generation: Int) -> String { "\(projection)#\(generation)" }

    /// The position to read from next.
    var nextPosition: UInt64 { position.map { $0 + 1 } ?? 0 }
}

/// A read-only generation kept under a label such as `relief@1200`.
struct SnapshotRecord: Codable, Equatable {
    let projection: String
    let generation: Int
    let until: UInt64
    var complete: Bool
}

/// Keys of the registry database.
enum RegistryKey {
    static func projection(_ name: String) -> String { "projection/" + name }
    static func generation(_ projection: String, _ generation: Int) -> String { "generation/" + GenerationRecord.databaseName(projection, generation) }
    static func snapshot(_ label: String) -> String { "snapshot/" + label }
    static let snapshotPrefix = "snapshot/"
    /// Databases emptied while readers might still hold them; deleted at the next open.
    static func retired(_ database: String) -> String { "retired/" + database }
    static let retiredPrefix = "retired/"
}
