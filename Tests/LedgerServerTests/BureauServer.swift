import Catalog
import CivilAffairs
import EventLog
import Foundation
import LedgerServer
import Projections

/// A live server with the bureau's rules and read models on, as `civic-ledger serve` runs it:
/// the catalog, then the rules, on every append; the bureau's projections and questions.
enum BureauServer {
    /// The pseudonym key of every test server (32 bytes 0x00…0x1f).
    static let key = try! PseudonymKey(bytes: Array(0..<32))
    static let rules = BureauRules(settings: CivilAffairsSettings(), pseudonyms: key)

    /// `lapseChecks`: the service also records divorce lapses, a pass this often.
    static func with<T: Sendable>(lapseChecks: Duration? = nil, _ body: @Sendable (LiveServer) async throws -> T) async throws -> T {
        let catalog = try FullServer.catalog.get()
        return try await LiveServer.with(configure: { server in
            guard let base = server.store as? LMDBEventStore else { return }
            var options = ProjectionEngine.Options()
            options.minPositionTimeout = .seconds(5)
            guard let engine = try? ProjectionEngine(directory: base.configuration.directory, log: base,
                                                     projections: [StreamSummaryProjection()] + BureauReadModels.all(settings: rules.settings),
                                                     folds: [StreamFold()] + BureauFolds.all(settings: rules.settings), upcasters: nil, options: options)
            else { return }
            var full = LedgerServer(store: CatalogLedgerStore(BureauLedgerStore(base, rules: rules), catalog: catalog), verifier: server.verifier,
                                    configuration: server.configuration, metrics: server.metrics, logger: server.logger)
            full.openAPIDocument = server.openAPIDocument
            let service = ProjectionService(engine: engine, logger: server.logger)
            full.projections = service
            full.routeProviders = server.routeProviders + [CatalogRoutes(catalog: catalog), BureauRoutes(service: service, rules: rules)]
            if let lapseChecks {
                full.backgroundServices = [DivorceLapseService(engine: engine, store: full.store, interval: lapseChecks, logger: server.logger)]
            }
            server = full
        }) { live in
            guard live.server.projections != nil else { throw TestFailure("the projection engine did not open") }
            return try await body(live)
        }
    }

    /// A person's marital stream, as the service names it.
    static func maritalStream(_ idNumber: String) -> String {
        "marital-" + key.pseudonym(of: try! IDNumber(idNumber))
    }

    /// A valid identity card number for someone born on `birth` (YYYYMMDD), male when `sequence` is odd.
    static func idNumber(born birth: String, sequence: Int) -> String {
        let body = "330481" + birth + String(format: "%03d", sequence)
        return body + String(UnicodeScalar(IDNumber.checkCharacter(for: body.map { Int(String($0))! })))
    }
}
