import JSON
import Testing
@testable import CivilAffairs

@Suite struct ProjectRulesTests {
    let settings = CivilAffairsSettings()

    struct Walk {
        var project = SocialWorkProject()
        let rules = ProjectRules(settings: CivilAffairsSettings())
        let today = CalendarDay("2027-12-31")!

        func payload(_ fields: [String: JSONValue]) -> JSONValue {
            var object = JSONObject()
            object["projectId"] = "SW-2026-0001"
            for (key, value) in fields.sorted(by: { $0.key < $1.key }) { object[key] = value }
            return .object(object)
        }

        func broken(_ type: String, _ fields: [String: JSONValue]) -> [String] {
            rules.check(type: type, payload: payload(fields), project: project, today: today).map(\.rule)
        }

        mutating func append(_ type: String, _ fields: [String: JSONValue], sourceLocation: SourceLocation = #_sourceLocation) {
            let found = rules.check(type: type, payload: payload(fields), project: project, today: today)
            #expect(found.isEmpty, "\(type): \(found)", sourceLocation: sourceLocation)
            project = project.applying(type: type, payload: payload(fields))
        }

        /// Approved, contracted for 2026-03-01 … 2027-02-28, supervised once, mid-term evaluated.
        mutating func throughMidterm() {
            append("socialwork.ProjectApproved", ["approvedDate": "2026-01-10"])
            append("socialwork.ContractSigned", ["signedDate": "2026-02-20", "startDate": "2026-03-01", "endDate": "2027-02-28"])
            append("socialwork.SupervisionHeld", ["sessionDate": "2026-04-01", "sessionNumber": 1])
            append("socialwork.MidtermEvaluated", ["evaluationDate": "2026-09-01", "passed": true])
        }
    }

    @Test func theWholeLifeOfAProject() {
        var walk = Walk()
        walk.throughMidterm()
        walk.append("socialwork.SupervisionHeld", ["sessionDate": "2026-10-01", "sessionNumber": 2])
        walk.append("socialwork.FinalEvaluated", ["evaluationDate": "2027-01-20"])
        walk.append("socialwork.PerformanceGraded", ["gradedDate": "2027-02-01", "grade": "basic", "correctionDeadline": "2027-04-30"])
        #expect(walk.broken("socialwork.ProjectClosed", ["closedDate": "2027-03-01", "outcome": "completed"]) == ["socialwork.correction-pending"])
        walk.append("socialwork.CorrectionCompleted", ["completedDate": "2027-04-01"])
        walk.append("socialwork.ProjectClosed", ["closedDate": "2027-04-02", "outcome": "completed"])
        #expect(walk.project.stage == .closed)
    }

    @Test func milestonesOutOfOrderAreRefused() {
        var walk = Walk()
        #expect(walk.broken("socialwork.ContractSigned", ["signedDate": "2026-02-20", "startDate": "2026-03-01", "endDate": "2027-02-28"]) == ["socialwork.milestone-out-of-order"])
        walk.append("socialwork.ProjectApproved", ["approvedDate": "2026-01-10"])
        #expect(walk.broken("socialwork.MidtermEvaluated", ["evaluationDate": "2026-09-01"]) == ["socialwork.milestone-out-of-order"])
        #expect(walk.broken("socialwork.ContractSigned", ["signedDate": "2026-02-20", "startDate": "2026-03-01", "endDate": "2026-03-01"]) == ["socialwork.contract-ends-before-start"])
        walk.append("socialwork.ContractSigned", ["signedDate": "2026-02-20", "startDate": "2026-03-01", "endDate": "2027-02-28"])
        #expect(walk.broken("socialwork.FinalEvaluated", ["evaluationDate": "2027-01-20"]) == ["socialwork.milestone-out-of-order"])
        #expect(walk.broken("socialwork.SupervisionHeld", ["sessionDate": "2026-04-01", "sessionNumber": 2]) == ["socialwork.session-number"])
        #expect(walk.broken("socialwork.ProjectClosed", ["closedDate": "2026-04-01", "outcome": "completed"]) == ["socialwork.milestone-out-of-order"])
        #expect(walk.broken("socialwork.ProjectClosed", ["closedDate": "2026-04-01", "outcome": "terminated-early"]).isEmpty)
    }

    @Test func theFinalEvaluationIsDueAMonthBeforeTheContractEnds() {
        var walk = Walk()
        walk.throughMidterm()
        // The contract ends 2027-02-28: the final evaluation is due by 2027-01-28.
        #expect(walk.project.finalEvaluationDue(settings: settings) == CalendarDay("2027-01-28"))
        #expect(walk.broken("socialwork.FinalEvaluated", ["evaluationDate": "2027-01-28"]).isEmpty)
        #expect(walk.broken("socialwork.FinalEvaluated", ["evaluationDate": "2027-01-29"]) == ["socialwork.final-evaluation-late"])
    }

    @Test func aBasicGradeNeedsADeadlineAfterIt() {
        var walk = Walk()
        walk.throughMidterm()
        walk.append("socialwork.FinalEvaluated", ["evaluationDate": "2027-01-20"])
        #expect(walk.broken("socialwork.PerformanceGraded", ["gradedDate": "2027-02-01", "grade": "basic"]) == ["socialwork.basic-grade-needs-deadline"])
        #expect(walk.broken("socialwork.PerformanceGraded", ["gradedDate": "2027-02-01", "grade": "basic", "correctionDeadline": "2027-02-01"]) == ["socialwork.correction-deadline-not-after-grade"])
        walk.append("socialwork.PerformanceGraded", ["gradedDate": "2027-02-01", "grade": "good"])
        #expect(walk.broken("socialwork.CorrectionCompleted", ["completedDate": "2027-02-10"]) == ["socialwork.no-correction-due"])
        walk.append("socialwork.ProjectClosed", ["closedDate": "2027-03-01", "outcome": "completed"])
        #expect(walk.broken("socialwork.PerformanceGraded", ["gradedDate": "2027-03-02", "grade": "good"]) == ["socialwork.milestone-already-passed"])
    }
}
