/// Every question the bureau asks of its read models, by domain.
public enum BureauQuestions {
    public static let all: [BureauQuestion] = relief + visits + socialWork + marriage + eldercare + workPlan

    /// The question called `name`, about one record when `hasId`.
    public static func named(_ name: String, hasId: Bool) throws(QuestionError) -> BureauQuestion {
        guard let question = all.first(where: { $0.name == name && ($0.idName != nil) == hasId }) else {
            throw .unknownQuestion(name + (hasId ? " (about one record)" : ""))
        }
        return question
    }

    /// The names, each once.
    public static var names: [String] { all.reduce(into: [String]()) { if !$0.contains($1.name) { $0.append($1.name) } } }

    /// `first/` + (`second/` when given), a filter only narrowing what the one before it chose.
    private static func nested(_ q: QuestionParameters, _ first: String, _ second: String) throws(QuestionError) -> String {
        guard let outer = try q.segment(first) else { return "" }
        return "\(outer)/" + ((try q.segment(second)).map { "\($0)/" } ?? "")
    }

    // 社会救助
    static let relief: [BureauQuestion] = [
        BureauQuestion("relief-cases", projection: "relief-cases", parameters: ["status", "town"], .page { q throws(QuestionError) in
            try q.segment("status") == nil ? "case/" : "status/" + (try nested(q, "status", "town"))
        }),
        BureauQuestion("relief-cases", id: "caseId", projection: "relief-cases", parameters: ["asOf"], .record(keyPrefix: "case/", entity: "relief-case")),
        BureauQuestion("relief-waiting", projection: "relief-cases", parameters: ["step", "date"], .deadlines { q throws(QuestionError) in
            "waiting/" + ((try q.segment("step")).map { "\($0)/" } ?? "")
        }),
        BureauQuestion("relief-payments", projection: "relief-cases", parameters: ["town", "month"], .page { q throws(QuestionError) in
            // A month narrows within a town; the month's key segment is the last, so it is a plain prefix.
            guard let town = try q.segment("town") else { return "payments/" }
            return "payments/\(town)/" + ((try q.segment("month")) ?? "")
        }),
    ]

    // 探访关爱
    static let visits: [BureauQuestion] = [
        BureauQuestion("households", projection: "households", parameters: ["colour", "town"], .page { q throws(QuestionError) in
            try q.segment("colour") == nil ? "household/" : "colour/" + (try nested(q, "colour", "town"))
        }),
        BureauQuestion("households", id: "householdId", projection: "households", parameters: ["asOf"], .record(keyPrefix: "household/", entity: "household")),
        BureauQuestion("visits-overdue", projection: "households", parameters: ["date"], .overdue),
    ]

    // 社会工作
    static let socialWork: [BureauQuestion] = [
        BureauQuestion("social-work-projects", projection: "social-work", parameters: ["stage"], .page { q throws(QuestionError) in
            (try q.segment("stage")).map { "stage/\($0)/" } ?? "project/"
        }),
        BureauQuestion("social-work-projects", id: "projectId", projection: "social-work", parameters: ["asOf"],
                       .record(keyPrefix: "project/", entity: "social-work-project")),
        BureauQuestion("social-work-overdue", projection: "social-work", parameters: ["date"], .overdue),
        BureauQuestion("station-rankings", projection: "social-work", parameters: ["quarter"], .page { q throws(QuestionError) in
            "ranking/" + ((try q.segment("quarter")) ?? "")
        }),
    ]

    // 婚姻登记
    static let marriage: [BureauQuestion] = [
        BureauQuestion("marital-status", id: "idNumber", projection: "marriage", parameters: ["asOf"], .maritalStatus),
        BureauQuestion("marriage-registrations", projection: "marriage", parameters: ["office", "month"], .page { q throws(QuestionError) in
            guard let office = try q.segment("office") else { return "registrations/" }
            return "registrations/\(office)/" + ((try q.segment("month")) ?? "")
        }),
        BureauQuestion("divorces-in-cooling-off", projection: "marriage", parameters: ["date"], .divorcePhases(prefix: "cooling-off/")),
    ]

    // 养老服务
    static let eldercare: [BureauQuestion] = [
        BureauQuestion("care-institutions", projection: "eldercare", .page { _ throws(QuestionError) in "institution/" }),
        BureauQuestion("renovations", projection: "eldercare", parameters: ["stage"], .page { q throws(QuestionError) in
            (try q.segment("stage")).map { "renovation-stage/\($0)/" } ?? "renovation/"
        }),
        BureauQuestion("capacity-assessments", projection: "eldercare", .page { _ throws(QuestionError) in "assessments/" }),
    ]

    // 工作计划
    static let workPlan: [BureauQuestion] = [
        BureauQuestion("work-plan", projection: "work-plan", parameters: ["date"], .workPlan),
    ]
}
