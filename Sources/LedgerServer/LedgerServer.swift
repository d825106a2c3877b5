import EventLog
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// The HTTP API over an event store: builds the router, the application and the services.
///
/// Later modules add routes with `routeProviders` and gate appends with `appendPolicy`,
/// without editing the server's files.
public struct LedgerServer: Sendable {
    public let store: any LedgerStore
    public let verifier: TokenVerifier
    public let configuration: LedgerServerConfiguration
    public let metrics: LedgerMetrics
    public let logger: Logger
    /// Closes the store after the server stopped; tells `/ready` when shutdown began.
    public let lifecycle: LedgerLifecycle
    /// Route groups beyond the core ones.
    public var routeProviders: [any RouteProvider] = []
    /// Runs before every append reaches the writer; admits everything by default.
    public var appendPolicy: any AppendPolicy = AdmitEveryAppend()
    /// `Schemas/openapi.yaml`, served at `/v1/openapi.yaml`.
    public var openAPIDocument: [UInt8]?
    /// Read models following the log: adds their routes, runs them beside the server, lists them in `/ready`.
    public var projections: ProjectionService?
    /// Work the service does on its own beside the requests (recording lapses as days pass):
    /// started after the projections, stopped before them.
    public var backgroundServices: [any Service] = []
    /// The event loops that serve connections: NIO's shared singleton unless an embedding
    /// program (or a test) brings its own.
    public var eventLoopGroup: (any EventLoopGroup)?

    public init(store: any LedgerStore, verifier: TokenVerifier, configuration: LedgerServerConfiguration = .init(),
                metrics: LedgerMetrics = LedgerMetrics(), logger: Logger = Logger(label: "civic-ledger")) {
        self.store = store
        self.verifier = verifier
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
        self.lifecycle = LedgerLifecycle(store: store, logger: logger)
    }

    /// The core routes, in the order they are registered.
    static let coreRoutes: [any RouteProvider] = [
        AppendRoutes(), ReadRoutes(), EventRoutes(), SubscribeRoute(), HealthRoutes(), MetricsRoute(), OpenAPIRoute(),
    ]

    /// The router with every route and the middleware (logging, problems, authentication).
    public func router() -> (router: Router<LedgerRequestContext>, routes: [RouteDescription]) {
        let router = Router(context: LedgerRequestContext.self)
        // Middleware wraps only routes added after it, and the not-found answer.
        router.add(middleware: RequestLog(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: Authentication(verifier: verifier))
        let routes = LedgerRoutes(router: router, server: self)
        let projectionRoutes: [any RouteProvider] = projections.map { [ProjectionRoutes(service: $0)] } ?? []
        for provider in Self.coreRoutes + projectionRoutes + routeProviders { provider.register(on: routes) }
        return (router, routes.routes)
    }

    /// The HTTP application; `onListening` gets the port actually bound (useful with port 0).
    public func application(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router().router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "civic-ledger"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            eventLoopGroupProvider: eventLoopGroup.map { .shared($0) } ?? .singleton,
            logger: logger)
    }

    /// The ledger, the projections and the HTTP server as one service group: on SIGTERM or SIGINT
    /// (or `triggerGracefulShutdown()`) the server stops taking requests and answers those in
    /// flight; then the projections stop; then the store finishes its queued appends and closes.
    public func serviceGroup(signals: [UnixSignal] = [.sigterm, .sigint],
                             onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [lifecycle] + (projections.map { [$0] } ?? []) + backgroundServices + [application(onListening: onListening)],
            gracefulShutdownSignals: signals,
            logger: logger))
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await serviceGroup(onListening: onListening).run()
    }
}
