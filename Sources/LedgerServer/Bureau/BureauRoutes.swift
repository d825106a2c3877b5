import CivilAffairs
import EventLog
import Hummingbird
import JSON
import Projections

/// The bureau's questions (`GET /v1/q/...`), answered from its read models; each answer says the
/// log position it reflects, and takes `minPosition` (read-your-writes). Records take `asOf` (a
/// log position or an RFC 3339 time) to be read as they were then.
public struct BureauRoutes: RouteProvider {
    let service: ProjectionService
    let rules: BureauRules

    /// The questions over `service`'s engine, which must run the bureau's projections and folds.
    public init(service: ProjectionService, rules: BureauRules) {
        self.service = service
        self.rules = rules
    }

    public func register(on routes: LedgerRoutes) {
        let answers = BureauAnswers(engine: service.engine, configuration: routes.server.configuration,
                                    readiness: ReadYourWrites(engine: service.engine, store: routes.server.store), rules: rules)
        let access = RouteAccess.roles(.readers)
        // Relief (社会救助)
        routes.get("/v1/q/relief-cases", access: access) { request, _ in
            try await answers.list("relief-cases", request, filters: ["status", "town"]) { q in
                try q.segment("status").map { status in "status/\(status)/" + ((try q.segment("town")).map { "\($0)/" } ?? "") } ?? "case/"
            }
        }
        routes.get("/v1/q/relief-cases/{caseId}", access: access) { request, context in
            try await answers.record("relief-cases", key: "case/", entity: "relief-case", id: try context.pathParameter("caseId"), request)
        }
        routes.get("/v1/q/relief-waiting", access: access) { request, _ in
            try await answers.deadlines("relief-cases", request, filters: ["step"]) { q in "waiting/" + ((try q.segment("step")).map { "\($0)/" } ?? "") }
        }
        routes.get("/v1/q/relief-payments", access: access) { request, _ in
            try await answers.list("relief-cases", request, filters: ["town", "month"]) { q in
                "payments/" + ((try q.segment("town")).map { town in "\(town)/" + ((try? q.segment("month")).flatMap { $0 } ?? "") } ?? "")
            }
        }
        // Home visits (探访关爱)
        routes.get("/v1/q/households", access: access) { request, _ in
            try await answers.list("households", request, filters: ["colour", "town"]) { q in
                try q.segment("colour").map { colour in "colour/\(colour)/" + ((try q.segment("town")).map { "\($0)/" } ?? "") } ?? "household/"
            }
        }
        routes.get("/v1/q/households/{householdId}", access: access) { request, context in
            try await answers.record("households", key: "household/", entity: "household", id: try context.pathParameter("householdId"), request)
        }
        routes.get("/v1/q/visits-overdue", access: access) { request, _ in
            try await answers.overdue("households", request)
        }
        // Social work (社会工作)
        routes.get("/v1/q/social-work-projects", access: access) { request, _ in
            try await answers.list("social-work", request, filters: ["stage"]) { q in try q.segment("stage").map { "stage/\($0)/" } ?? "project/" }
        }
        routes.get("/v1/q/social-work-projects/{projectId}", access: access) { request, context in
            try await answers.record("social-work", key: "project/", entity: "social-work-project", id: try context.pathParameter("projectId"), request)
        }
        routes.get("/v1/q/social-work-overdue", access: access) { request, _ in
            try await answers.overdue("social-work", request)
        }
        routes.get("/v1/q/station-rankings", access: access) { request, _ in
            try await answers.list("social-work", request, filters: []) { _ in "ranking/" }
        }
        // Marriage (婚姻登记)
        routes.get("/v1/q/marital-status/{idNumber}", access: access) { request, context in
            try await answers.maritalStatus(idNumber: try context.pathParameter("idNumber"), request)
        }
        routes.get("/v1/q/marriage-registrations", access: access) { request, _ in
            try await answers.list("marriage", request, filters: ["office", "month"]) { q in
                "registrations/" + ((try q.segment("office")).map { office in "\(office)/" + ((try? q.segment("month")).flatMap { $0 } ?? "") } ?? "")
            }
        }
        routes.get("/v1/q/divorces-in-cooling-off", access: access) { request, _ in
            try await answers.list("marriage", request, filters: []) { _ in "cooling-off/" }
        }
        // Elderly care (养老服务)
        routes.get("/v1/q/care-institutions", access: access) { request, _ in
            try await answers.list("eldercare", request, filters: []) { _ in "institution/" }
        }
        routes.get("/v1/q/renovations", access: access) { request, _ in
            try await answers.list("eldercare", request, filters: ["stage"]) { q in try q.segment("stage").map { "renovation-stage/\($0)/" } ?? "renovation/" }
        }
        routes.get("/v1/q/capacity-assessments", access: access) { request, _ in
            try await answers.list("eldercare", request, filters: []) { _ in "assessments/" }
        }
        // The work plan (工作计划)
        routes.get("/v1/q/work-plan", access: access) { request, _ in
            try await answers.workPlan(request)
        }
    }
}
