import Hummingbird

/// Reads the `Authorization: Bearer` header and sets the request's principal.
///
/// A request without a token passes on unauthenticated (each route then decides); a request with
/// a token that is malformed, unknown or revoked is refused with 401 on every route.
struct Authentication: RouterMiddleware {
    typealias Context = LedgerRequestContext
    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("The Authorization header must be \"Bearer <token>\".")
        }
        guard let principal = verifier.principal(for: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw Problem.unauthorized("The bearer token is unknown or revoked.")
        }
        var context = context
        context.principal = principal
        context.notes.actor = principal.actor
        return try await next(request, context)
    }
}
