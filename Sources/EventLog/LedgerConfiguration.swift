/// How an event store is opened. A value handed to `init`; nothing is read from globals.
public struct LedgerConfiguration: Sendable {
    public enum Durability: String, Sendable, CaseIterable {
        /// fsync of data and meta page before any append is acknowledged.
        case durable
        /// `MDB_NOMETASYNC`, for bulk imports: a crash may lose the last commit, never corrupts.
        case relaxed
    }

    public enum Access: Sendable, Equatable {
        /// The one writing process: takes the directory's writer lock.
        case write(holder: String)
        /// A reader beside a running writer: no lock, follows the log by polling.
        case readOnly
    }

    public var directory: String
    public var access: Access
    public var durability: Durability = .durable
    public var limits = LedgerLimits()
    /// The initial LMDB map size; it doubles whenever it fills.
    public var initialMapSize = 1 << 30

    public init(directory: String, access: Access = .write(holder: "civic-ledger")) {
        self.directory = directory
        self.access = access
    }

    /// The LMDB environment of the log within the data directory.
    public var logPath: String { directory + "/log" }
}
