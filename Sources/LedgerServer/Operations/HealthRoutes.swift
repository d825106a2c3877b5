import Hummingbird

/// `GET /health` (the process answers) and `GET /ready` (the storage is open and takes appends;
/// with projections, their phases and whether one failed: `"degraded"`, still 200).
struct HealthRoutes: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let server = routes.server
        routes.get("/health", access: .everyone) { _, _ in
            .json(Array(#"{"status":"alive"}"#.utf8))
        }
        routes.get("/ready", access: .everyone) { _, _ in
            guard server.store.isWritable, !server.lifecycle.isClosing else {
                throw Problem(.unavailable, detail: "The ledger is not open for appends (read-only or shutting down).",
                              headers: [.retryAfter: String(Problem.retryAfterSeconds)])
            }
            let projections = await server.projections?.readinessMembers() ?? []
            return .json(Array(#"{"status":"ready","queueDepth":\#(server.store.queueDepth)"#.utf8) + projections + [UInt8(ascii: "}")])
        }
    }
}
