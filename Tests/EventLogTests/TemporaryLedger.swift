import EventLog
import Foundation

/// A real LMDB ledger in a fresh temporary directory, removed at the end.
final class TemporaryLedger: @unchecked Sendable {
    let directory = TemporaryDirectory()
    private(set) var store: LMDBEventStore

    init(configure: (inout LedgerConfiguration) -> Void = { _ in }) throws {
        var configuration = LedgerConfiguration(directory: directory.path)
        configure(&configuration)
        store = try LMDBEventStore.initialize(configuration)
    }

    /// SHA-256-free fingerprint of the data file: its exact bytes.
    func fileBytes() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: store.configuration.logPath + "/data.mdb"))
    }

    deinit {
        store.close()
        directory.remove()
    }
}
