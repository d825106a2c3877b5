import EventLog
import Foundation
import LMDB
import Transparency

/// A real ledger with its Merkle log and signing key in a temporary directory.
final class LedgerFixture: @unchecked Sendable {
    let directory: String
    let signer: NoteSigner
    private(set) var store: LMDBEventStore

    init(durability: LedgerConfiguration.Durability = .durable) throws {
        directory = NSTemporaryDirectory() + "civic-ledger-tlog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        signer = try LogSigningKey.create(at: LogSigningKey.path(in: directory), origin: "test.civic-ledger.example/log")
        var configuration = LedgerConfiguration(directory: directory)
        configuration.durability = durability
        store = try LMDBEventStore.initialize(configuration, observers: [try MerkleLog(signer: signer)])
    }

    /// Appends `count` small events in requests of `perRequest`, to a few streams.
    func fill(_ count: Int, perRequest: Int = 1) async throws {
        var appended = 0
        while appended < count {
            let n = min(perRequest, count - appended)
            let events = (0..<n).map { i in ProposedEvent(type: "test.Filled", payload: #"{"n":\#(appended + i)}"#) }
            _ = try await store.append(events, to: try StreamName("fill-\(appended % 7)"))
            appended += n
        }
    }

    var proofs: LogProofs { get throws { try LogProofs(environment: store.environment) } }

    /// Closes the store and copies the data directory, for tampering with the copy.
    func closedCopy() throws -> String {
        store.close()
        let copy = directory + "-copy"
        try FileManager.default.copyItem(atPath: directory, toPath: copy)
        return copy
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.removeItem(atPath: directory + "-copy")
    }
}
