import Hummingbird
import Logging

/// Turns whatever a route throws into an `application/problem+json` response.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = LedgerRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(describing: error)
            if problem.type.status >= 500 && problem.type != .overloaded {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return problem.response()
        }
    }
}
