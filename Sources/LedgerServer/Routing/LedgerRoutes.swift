import EventLog
import Foundation
import Hummingbird

/// A group of routes that plugs into the server (the core's, and later the catalog's,
/// transparency's, projections'), without editing the server's own files.
public protocol RouteProvider: Sendable {
    func register(on routes: LedgerRoutes)
}

/// One route as registered: what the API document and the role matrix test walk over.
public struct RouteDescription: Sendable, Hashable {
    public let method: HTTPRequest.Method
    /// The path template, e.g. `/v1/streams/{stream}/events`.
    public let path: String
    public let access: RouteAccess
}

/// Registers routes with the role each needs; hands out what every route needs to do its work.
public final class LedgerRoutes {
    public typealias Handler = @Sendable (Request, LedgerRequestContext) async throws -> Response

    let router: Router<LedgerRequestContext>
    /// The store, configuration and collaborators, for route providers.
    public let server: LedgerServer
    public private(set) var routes: [RouteDescription] = []

    init(router: Router<LedgerRequestContext>, server: LedgerServer) {
        self.router = router
        self.server = server
    }

    /// Adds a route that admits `access` before running `handler`.
    public func add(_ method: HTTPRequest.Method, _ path: String, access: RouteAccess, handler: @escaping Handler) {
        precondition(!routes.contains { $0.method == method && $0.path == path }, "\(method) \(path) is registered twice")
        routes.append(RouteDescription(method: method, path: path, access: access))
        router.on(RouterPath(path), method: method) { request, context in
            try access.admit(context.principal)
            return try await handler(request, context)
        }
    }

    public func get(_ path: String, access: RouteAccess, handler: @escaping Handler) { add(.get, path, access: access, handler: handler) }
    public func post(_ path: String, access: RouteAccess, handler: @escaping Handler) { add(.post, path, access: access, handler: handler) }
}

extension Set<Role> {
    /// The roles that read events.
    public static let readers: Set<Role> = [.reader, .auditor]
}

extension LedgerRequestContext {
    /// The principal of a route that admitted only tokens (the route's access check ran first).
    var requirePrincipal: Principal {
        get throws(Problem) {
            guard let principal else { throw Problem.unauthorized("This route needs a bearer token.") }
            return principal
        }
    }

    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String) throws(Problem) -> String {
        // Most parameters hold no escapes; Foundation's decoding costs a few percent of a request.
        guard let raw = parameters.get(name), let value = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding : raw else {
            throw Problem.invalidParameter(name, "The path parameter \(name) is missing or badly encoded.")
        }
        return value
    }

    /// The `{stream}` path parameter as a stream name.
    func streamParameter() throws(Problem) -> StreamName {
        let text = try pathParameter("stream")
        do { return try StreamName(text) } catch { throw Problem(error) }
    }
}

extension Response {
    /// A JSON response made of bytes the server wrote itself.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension Problem {
    /// 400 for a path, query or header parameter, naming it.
    static func invalidParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.invalidParameter, detail: detail, members: [.string("parameter", name)])
    }
}
