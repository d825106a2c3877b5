import EventLog
import Hummingbird

/// Pages of a stream and of the whole log, each with a `next` cursor; `raw=true` adds each
/// event's record bytes and leaf hash.
struct ReadRoutes: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let server = routes.server
        let raw = RawEvents(server: server)
        routes.get("/v1/streams/{stream}", access: .roles(.readers)) { request, context in
            let stream = try context.streamParameter()
            let query = try ReadQuery(request.uri, configuration: server.configuration, allowsFilter: false)
            guard try await server.store.version(of: stream) != nil else { throw Problem.streamNotFound(stream) }
            let page = try await server.store.readStream(stream, from: query.from, direction: query.direction, limit: query.limit)
            return .json(try page.json(stream: stream, raw: query.raw ? raw : nil))
        }
        routes.get("/v1/events", access: .roles(.readers)) { request, context in
            let query = try ReadQuery(request.uri, configuration: server.configuration, allowsFilter: true)
            let page = try await server.store.readAll(from: query.from, direction: query.direction, limit: query.limit, filter: query.filter)
            return .json(try page.json(raw: query.raw ? raw : nil))
        }
    }
}

extension Problem {
    static func streamNotFound(_ stream: StreamName) -> Problem {
        Problem(.streamNotFound, detail: "There is no stream \(stream); it has no events.", members: [.string("stream", stream.rawValue)])
    }
}
