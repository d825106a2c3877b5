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
        guard let token = Self.bearerToken(header) else {
            throw Problem.unauthorized("The Authorization header must be \"Bearer <token>\".")
        }
        guard let principal = verifier.principal(for: token) else {
            throw Problem.unauthorized("The bearer token is unknown or revoked.")
        }
        var context = context
        context.principal = principal
        context.notes.actor = principal.actor
        return try await next(request, context)
    }

    /// The token of `Bearer <token>` (the scheme in any case, blanks around the token ignored),
    /// or nil. Works on the UTF-8 bytes: it runs for every request.
    static func bearerToken(_ header: String) -> String? {
        let bytes = Array(header.utf8)
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0
        while start < bytes.count, isBlank(bytes[start]) { start += 1 }
        let scheme = Array("bearer".utf8)
        guard bytes.count >= start + scheme.count + 1 else { return nil }
        for (offset, letter) in scheme.enumerated() where bytes[start + offset] | 0x20 != letter { return nil }
        var tokenStart = start + scheme.count
        guard isBlank(bytes[tokenStart]) else { return nil }
        while tokenStart < bytes.count, isBlank(bytes[tokenStart]) { tokenStart += 1 }
        var tokenEnd = bytes.count
        while tokenEnd > tokenStart, isBlank(bytes[tokenEnd - 1]) { tokenEnd -= 1 }
        guard tokenEnd > tokenStart else { return nil }
        return String(decoding: bytes[tokenStart..<tokenEnd], as: UTF8.self)
    }
}
