import EventLog
import Hummingbird

/// `POST /v1/streams/{stream}/events` and `POST /v1/append`: 201 when written, 200 for an
/// idempotent replay (every event already in the log with the same content).
struct AppendRoutes: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let server = routes.server
        routes.post("/v1/streams/{stream}/events", access: .roles([.appender])) { request, context in
            let stream = try context.streamParameter()
            let body = try await request.jsonBody(limit: server.configuration.maxBodyBytes)
            let appends = try AppendRequest.singleStream(body, stream: stream)
            let result = try await append(appends, pointerBase: { _ in "" }, server: server, context: context)
            var out = Array(#"{"replayed":\#(result.replayed),"#.utf8)
            out += result.streams[0].json().dropFirst()
            return .json(out, status: result.replayed ? .ok : .created)
        }
        routes.post("/v1/append", access: .roles([.appender])) { request, context in
            let body = try await request.jsonBody(limit: server.configuration.maxBodyBytes)
            let appends = try AppendRequest.multiStream(body)
            let result = try await append(appends, pointerBase: { "/appends/\($0)" }, server: server, context: context)
            return .json(result.json(), status: result.replayed ? .ok : .created)
        }
    }

    /// Stamps, gates and appends; counts the outcome whatever it is.
    private func append(_ appends: [StreamAppend], pointerBase: @escaping (Int) -> String, server: LedgerServer,
                        context: LedgerRequestContext) async throws -> AppendResult {
        let started = ContinuousClock.now
        let events = appends.reduce(0) { $0 + $1.events.count }
        do {
            let principal = try context.requirePrincipal
            let stamped = try AppendAuthorization.authorize(appends, by: principal, pointerBase: pointerBase)
            try await server.appendPolicy.check(stamped, by: principal)
            let result = try await server.store.append(stamped)
            server.metrics.appendFinished(outcome: result.replayed ? "replayed" : "appended", events: events,
                                          duration: ContinuousClock.now - started)
            return result
        } catch {
            server.metrics.appendFinished(outcome: AppendOutcome.of(error), events: events, duration: ContinuousClock.now - started)
            throw error
        }
    }
}

/// The outcome label of a refused append, for metrics.
enum AppendOutcome {
    static func of(_ error: any Error) -> String {
        let problem = Problem(describing: error)
        switch problem.type.status {
        case 409: return "conflict"
        case 503: return "overloaded"
        case 500...: return "failed"
        default: return "refused"
        }
    }
}
