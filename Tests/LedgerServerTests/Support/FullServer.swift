import Catalog
import Crypto
import EventLog
import Foundation
import LedgerServer
import Transparency

/// A live server set up as `civic-ledger serve` sets it up: the event catalog on every append,
/// the Merkle log signing a checkpoint per batch, and the catalog's and the log's routes.
enum FullServer {
    static let origin = "test.civic-ledger.example/log"

    /// The package's own catalog, loaded once.
    static let catalog: Result<EventCatalog, any Error> = Result {
        try EventCatalog.load(from: URL(fileURLWithPath: PackageRoot.path + "/Schemas"))
    }

    /// Runs `body` against a full server; `signer` is the log's key, for checking its notes.
    static func with<T: Sendable>(_ body: @Sendable (LiveServer, _ signer: NoteSigner) async throws -> T) async throws -> T {
        let signer = try NoteSigner.generate(name: origin)
        let catalog = try catalog.get()
        return try await LiveServer.with(observers: [try MerkleLog(signer: signer)], configure: { server in
            // The live server's store is the LMDB store itself; the log's routes read its environment.
            guard let base = server.store as? LMDBEventStore, let proofs = try? LogProofs(environment: base.environment) else { return }
            var full = LedgerServer(store: CatalogLedgerStore(base, catalog: catalog), verifier: server.verifier,
                                    configuration: server.configuration, metrics: server.metrics, logger: server.logger)
            full.openAPIDocument = server.openAPIDocument
            full.routeProviders = server.routeProviders + [CatalogRoutes(catalog: catalog), LogRoutes(proofs: proofs)]
            server = full
        }) { live in try await body(live, signer) }
    }
}

/// A catalog-valid event (`rescue.PersonLeft`) as JSON text, distinct per `serial`.
func personLeft(_ serial: Int) -> String {
    let caseId = String(format: "RS-330481-2026-%05d", serial % 100_000)
    return #"{"type":"rescue.PersonLeft","data":{"rescueCaseId":"\#(caseId)","leftDate":"2026-01-10"}}"#
}

/// The RFC 9162 hashes, computed here from first principles rather than with the module under test.
enum ReferenceTree {
    static func leaf(_ record: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [0x00] + record)) }
    static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: [0x01] + left + right)) }

    /// MTH(D[n]) of these leaf hashes (RFC 9162 §2.1.1).
    static func root(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return Array(SHA256.hash(data: [UInt8]()))
        case 1: return leaves.first!
        default:
            var split = 1
            while split * 2 < leaves.count { split *= 2 }
            let middle = leaves.startIndex + split
            return node(root(leaves[..<middle]), root(leaves[middle...]))
        }
    }
}
