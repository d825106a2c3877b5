import ArgumentParser
import Catalog
import CivilAffairs
import EventLog
import Foundation
import LedgerServer
import Logging
import Projections
import Transparency

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API: append, read and follow events, with roles, metrics and problem+json errors.",
        discussion: """
        Settings come from flags, then CIVIC_LEDGER_* environment variables (CIVIC_LEDGER_PORT,
        CIVIC_LEDGER_MAX_BODY_BYTES, ...), then the JSON file of --config (or CIVIC_LEDGER_CONFIG),
        then defaults. Binds to 127.0.0.1:8080 unless told otherwise; --port 0 picks a free port.
        It prints "listening on http://HOST:PORT" once it accepts connections.

        TLS is left to a reverse proxy (nginx, Caddy, HAProxy) on the same host: terminate TLS
        there and forward to 127.0.0.1; turn off response buffering for /v1/subscribe.
        SIGTERM or SIGINT stops taking requests, answers those in flight, commits and closes.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

    @Option(help: "The address to bind (default 127.0.0.1).")
    var host: String?

    @Option(help: "The port (default 8080; 0 picks a free one).")
    var port: Int?

    @Option(help: "A JSON file of settings (data, host, port, maxBodyBytes, heartbeatSeconds, subscriberBuffer, maxQueuedRequests, logLevel).")
    var config: String?

    @Option(name: .customLong("max-body-bytes"), help: "The largest request body (default 16 MiB).")
    var maxBodyBytes: Int?

    @Option(name: .customLong("heartbeat-seconds"), help: "Seconds between heartbeats on idle subscriptions (default 15).")
    var heartbeatSeconds: Double?

    @Option(name: .customLong("subscriber-buffer"), help: "Messages buffered per subscriber before a slow one is disconnected (default 1024).")
    var subscriberBuffer: Int?

    @Option(name: .customLong("max-queued-requests"), help: "Append requests waiting for the writer before more are refused with 503.")
    var maxQueuedRequests: Int?

    @Option(name: .customLong("lapse-check-minutes"), help: "How often the service records the lapse of divorce applications whose registration window has closed (default 10; 0: never).")
    var lapseCheckMinutes = 10

    @Option(name: .customLong("min-position-timeout"), help: "Seconds a query with minPosition waits for its projection before answering 503 (default 5).")
    var minPositionTimeout: Double?

    @Option(name: .customLong("log-level"), help: "trace, debug, info (default: one line per request), notice, warning, error.")
    var logLevel: String?

    func run() async throws {
        try await failing(json: global.json) {
            let settings = try resolvedSettings()
            let configuration = try settings.serverConfiguration()
            guard let level = Logger.Level(rawValue: settings.logLevel ?? "info") else {
                throw CommandFailure(message: "Unknown log level \(settings.logLevel ?? "").", code: "invalid-input",
                                     exitCode: CommandFailure.invalidInput, json: global.json)
            }
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let metrics = LedgerMetrics()
            metrics.bootstrapSystem()
            let directory = settings.data ?? "./ledger-data"
            var ledger = LedgerConfiguration(directory: directory, access: .write(holder: "civic-ledger serve"))
            if let queued = settings.maxQueuedRequests { ledger.limits.maxQueuedRequests = queued }
            // Like every writer, the server keeps the Merkle tree and signs checkpoints in its transactions.
            let signingKey = global.signingKey ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_SIGNING_KEY"] ?? LogSigningKey.path(in: directory)
            let observers: [any BatchObserver] = [try MerkleLog(signer: LogSigningKey.load(from: signingKey)), BatchSizeObserver(metrics: metrics)]
            let catalog = try catalogOptions.load(json: global.json)
            let store = try LMDBEventStore(ledger, observers: observers)
            let verifier = try TokenVerifier(path: KeyRing.path(inDataDirectory: directory))
            let logger = Logger(label: "civic-ledger")
            if (try? KeyRing.load(from: KeyRing.path(inDataDirectory: directory)))?.keys.allSatisfy({ $0.revoked != nil }) ?? true {
                logger.warning("no active keys: every route but /health, /ready and /v1/openapi.yaml answers 401; create one with `civic-ledger keys create`")
            }
            // Every append passes the catalog (well-formed payloads), then the bureau's rules (which read the streams it touches).
            let rules = try bureauOptions.rules(directory: directory, json: global.json)
            if rules.pseudonyms == nil {
                logger.warning("no pseudonym key in the data directory: marriage registrations are refused; a new ledger gets one from `civic-ledger init`")
            }
            var server = LedgerServer(store: CatalogLedgerStore(BureauLedgerStore(store, rules: rules), catalog: catalog),
                                      verifier: verifier, configuration: configuration, metrics: metrics, logger: logger)
            server.routeProviders.append(CatalogRoutes(catalog: catalog))
            server.routeProviders.append(LogRoutes(proofs: try LogProofs(environment: store.environment)))
            // The projections follow the log beside the server, reading payloads through the catalog's upcasters.
            var projectionOptions = ProjectionEngine.Options()
            if let minPositionTimeout { projectionOptions.minPositionTimeout = .milliseconds(Int(minPositionTimeout * 1000)) }
            let upcasters = try ServedProjections.upcasters(catalog, json: global.json)
            let engine = try global.projecting {
                try ProjectionEngine(directory: directory, log: store, projections: ServedProjections.projections(settings: rules.settings),
                                     folds: ServedProjections.folds(settings: rules.settings), upcasters: upcasters, options: projectionOptions)
            }
            let projections = ProjectionService(engine: engine, logger: logger)
            server.projections = projections
            server.routeProviders.append(BureauRoutes(service: projections, rules: rules))
            guard lapseCheckMinutes >= 0 else {
                throw CommandFailure(message: "--lapse-check-minutes must be 0 (never) or more, not \(lapseCheckMinutes).", code: "invalid-input",
                                     exitCode: CommandFailure.invalidInput, json: global.json)
            }
            if lapseCheckMinutes > 0 {
                server.backgroundServices.append(DivorceLapseService(engine: engine, store: server.store, interval: .seconds(lapseCheckMinutes * 60), logger: logger))
            }
            if let path = OpenAPIDocument.locate(), let document = FileManager.default.contents(atPath: path) {
                server.openAPIDocument = Array(document)
            } else {
                logger.warning("Schemas/openapi.yaml not found beside the executable or in the working directory; /v1/openapi.yaml answers 404")
            }
            let host = configuration.host
            try await server.run { port in
                // Unbuffered, so a script or test reading the pipe sees it at once.
                FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
            }
        }
    }

    /// Flags over environment over file.
    private func resolvedSettings() throws -> ServeSettings {
        var flags = ServeSettings()
        flags.data = global.data
        flags.host = host
        flags.port = port
        flags.maxBodyBytes = maxBodyBytes
        flags.heartbeatSeconds = heartbeatSeconds
        flags.subscriberBuffer = subscriberBuffer
        flags.maxQueuedRequests = maxQueuedRequests
        flags.logLevel = logLevel
        let environment = ProcessInfo.processInfo.environment
        let file = try (config ?? environment["CIVIC_LEDGER_CONFIG"]).map { try ServeSettings(file: $0) } ?? ServeSettings()
        return flags.over(try ServeSettings(environment: environment)).over(file)
    }
}
