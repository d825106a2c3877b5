import Foundation
import Hummingbird
import Logging

/// One log line and one count per request: route, method, status, duration and actor.
///
/// The route is the template (`/v1/streams/{stream}`), never the stream name, and nothing of
/// the body is logged: no payloads, no personal data.
struct RequestLog: RouterMiddleware {
    typealias Context = LedgerRequestContext
    let metrics: LedgerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - started
            let route = context.endpointPath ?? "unmatched"
            context.logger.info("request", metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(route),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.3f", Double(elapsed.nanoseconds) / 1e6)),
                "actor": .string(context.notes.actor ?? "-"),
            ])
            metrics.requestServed(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}
