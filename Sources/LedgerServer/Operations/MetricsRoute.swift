import Hummingbird

/// `GET /metrics`: Prometheus text exposition, for operators.
struct MetricsRoute: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let server = routes.server
        routes.get("/metrics", access: .roles([.operator])) { _, _ in
            server.metrics.refresh(from: server.store)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: server.metrics.exposition())))
        }
    }
}
