import CivilAffairs
import EventLog
import Hummingbird
import JSON
import Projections

/// The bureau's questions (`GET /v1/q/...`, listed in `BureauQuestions`), answered from its read
/// models; each answer says the log position it reflects, and takes `minPosition`
/// (read-your-writes). Records take `asOf` (a log position or an RFC 3339 time) to be read as they were then.
public struct BureauRoutes: RouteProvider {
    let service: ProjectionService
    let rules: BureauRules

    /// The questions over `service`'s engine, which must run the bureau's projections and folds.
    public init(service: ProjectionService, rules: BureauRules) {
        self.service = service
        self.rules = rules
    }

    public func register(on routes: LedgerRoutes) {
        let configuration = routes.server.configuration
        let readiness = ReadYourWrites(engine: service.engine, store: routes.server.store)
        let answerer = BureauAnswerer(
            engine: service.engine, rules: rules,
            pageSize: .init(standard: configuration.defaultPageSize, maximum: configuration.maxPageSize),
            readiness: .init(projection: { name, position in try await readiness.wait(name, reached: position) },
                             log: { position, entity in try await readiness.logHolds(position, entity: entity) }))
        for question in BureauQuestions.all {
            routes.get(question.path, access: .roles(.readers)) { request, context in
                let id = try question.idName.map { try context.pathParameter($0) }
                var values: [String: String] = [:]
                for (name, value) in request.uri.queryParameters { values[String(name)] = String(value) }
                let answer = try await Problem.answering { try await answerer.answer(question, id: id, values) }
                return .json(answer.serializedBytes())
            }
        }
    }
}
