import Foundation
import Testing

/// A government-purchased social-work project over HTTP: its milestones in order, refusals by
/// name, the overdue milestone at its boundary, and the project as of each moment of its life.
@Suite("social-work projects over HTTP")
struct SocialWorkOverHTTPTests {
    static let id = "SW-2025-0007"
    static let stream = "swproject-SW-2025-0007"

    func event(_ type: String, _ fields: String) -> String {
        #"[{"type":"socialwork.\#(type)","data":{"projectId":"\#(Self.id)",\#(fields)}}]"#
    }

    var approved: String { event("ProjectApproved", #""title":"硖石街道困境老人关爱服务项目","buyerTown":"330481101","serviceArea":"elderly","budgetFen":30000000,"approvedDate":"2025-01-15","plannedMonths":12"#) }
    var contracted: String { event("ContractSigned", #""contractId":"CT-2025-0007","provider":{"creditCode":"52330481MJ9012345X","organizationName":"海宁市春晖社会工作服务中心"},"evaluator":{"creditCode":"52330400MJ8765432W","organizationName":"嘉兴市社会工作评估中心"},"supervisorStaffId":"STF-000009","signedDate":"2025-02-01","startDate":"2025-02-01","endDate":"2026-01-31","amountFen":29800000"#) }
    var supervised: String { event("SupervisionHeld", #""sessionNumber":1,"sessionDate":"2025-05-20","supervisorStaffId":"STF-000009","mode":"on-site","topics":"个案管理流程与服务记录规范""#) }
    var midterm: String { event("MidtermEvaluated", #""evaluationDate":"2025-08-10","evaluatorCreditCode":"52330400MJ8765432W","score":82.5,"findings":"服务进度符合计划。","passed":true"#) }
    func final(on day: String) -> String { event("FinalEvaluated", #""evaluationDate":"\#(day)","evaluatorCreditCode":"52330400MJ8765432W","score":88,"findings":"完成合同约定服务指标。""#) }
    var graded: String { event("PerformanceGraded", #""gradedDate":"2026-01-10","grade":"good","score":88"#) }
    var closed: String { event("ProjectClosed", #""closedDate":"2026-01-31","outcome":"completed""#) }

    @Test("approval to closing, out of order refused, the final evaluation overdue from the day after its due date, and as of each step")
    func aProjectsWholeLife() async throws {
        try await BureauServer.with { server in
            // Out of order: a contract before approval.
            let early = try await server.append(Self.stream, contracted)
            #expect(early.violatedRules == ["socialwork.milestone-out-of-order"], "\(early.text)")
            var positions: [Int] = []
            for step in [approved, contracted, supervised] {
                let reply = try await server.append(Self.stream, step)
                #expect(reply.status == 201, "\(reply.text)")
                positions.append(try reply.lastPosition())
            }
            // The final evaluation before the mid-term: out of order.
            #expect((try await server.append(Self.stream, final(on: "2025-12-20"))).violatedRules == ["socialwork.milestone-out-of-order"])
            let mid = try await server.append(Self.stream, midterm)
            positions.append(try mid.lastPosition())
            // Due a month before the contract ends (2026-01-31): by 2025-12-31, overdue from 2026-01-01.
            let onTheDay = try await server.get("/v1/q/social-work-overdue?date=2025-12-31&minPosition=\(positions.last!)", as: .reader)
            #expect((onTheDay.json["items"] as? [Any])?.isEmpty == true, "\(onTheDay.text)")
            let dayAfter = try await server.get("/v1/q/social-work-overdue?date=2026-01-01&minPosition=\(positions.last!)", as: .reader)
            #expect((dayAfter.json["items"] as? [[String: Any]])?.first?["projectId"] as? String == Self.id, "\(dayAfter.text)")
            // Late: refused by name; in time: taken.
            #expect((try await server.append(Self.stream, final(on: "2026-01-05"))).violatedRules == ["socialwork.final-evaluation-late"])
            for step in [final(on: "2025-12-20"), graded, closed] {
                let reply = try await server.append(Self.stream, step)
                #expect(reply.status == 201, "\(reply.text)")
                positions.append(try reply.lastPosition())
            }
            let now = try await server.get("/v1/q/social-work-projects/\(Self.id)?minPosition=\(positions.last!)", as: .reader)
            #expect((now.json["social-work-project"] as? [String: Any])?["stage"] as? String == "closed", "\(now.text)")
            let byStage = try await server.get("/v1/q/social-work-projects?stage=closed&minPosition=\(positions.last!)", as: .reader)
            #expect((byStage.json["items"] as? [[String: Any]])?.count == 1)

            // As of each step, by position: the stage it had then.
            let stages = ["approved", "contracted", "supervised", "midterm-evaluated", "final-evaluated", "graded", "closed"]
            for (position, stage) in zip(positions, stages) {
                let then = try await server.get("/v1/q/social-work-projects/\(Self.id)?asOf=\(position)", as: .reader)
                #expect((then.json["social-work-project"] as? [String: Any])?["stage"] as? String == stage, "asOf=\(position): \(then.text)")
                #expect(then.json["asOf"] as? String == "\(position)")
            }
            // As of a time: the recorded time of the mid-term's event, and before the project existed.
            let events = (try await server.get("/v1/streams/\(Self.stream)").json["events"] as? [[String: Any]]) ?? []
            let midtermTime = try #require(events.first { $0["type"] as? String == "socialwork.MidtermEvaluated" }?["recordedAt"] as? String)
            let atMidterm = try await server.get("/v1/q/social-work-projects/\(Self.id)?asOf=\(midtermTime)", as: .reader)
            #expect((atMidterm.json["social-work-project"] as? [String: Any])?["stage"] as? String == "midterm-evaluated", "\(atMidterm.text)")
            let before = try await server.get("/v1/q/social-work-projects/\(Self.id)?asOf=2000-01-01T00:00:00Z", as: .reader)
            #expect(before.status == 404)
            #expect(before.problemType == "state-not-found")
        }
    }

    @Test("stations ranked by quarter: one quarter, a year's quarters, a malformed quarter refused")
    func stationRankings() async throws {
        try await BureauServer.with { server in
            var last = 0
            for (quarter, first) in [("2026-Q1", "STN-330481101"), ("2026-Q2", "STN-330481102")] {
                let body = #"[{"type":"socialwork.StationRanked","data":{"quarter":"\#(quarter)","rankedDate":"2026-0\#(quarter.last!)-10","rankings":[{"stationId":"\#(first)","town":"330481101","rank":1,"score":93.5}]}}]"#
                let reply = try await server.append("swranking-\(quarter)", body)
                #expect(reply.status == 201, "\(reply.text)")
                last = try reply.lastPosition()
            }
            let q2 = try await server.get("/v1/q/station-rankings?quarter=2026-Q2&minPosition=\(last)", as: .reader)
            let items = (q2.json["items"] as? [[String: Any]]) ?? []
            #expect(items.map { $0["quarter"] as? String } == ["2026-Q2"], "\(q2.text)")
            #expect((items.first?["rankings"] as? [[String: Any]])?.first?["stationId"] as? String == "STN-330481102")
            let year = try await server.get("/v1/q/station-rankings?quarter=2026", as: .reader)
            #expect((year.json["items"] as? [Any])?.count == 2)
            let bad = try await server.get("/v1/q/station-rankings?quarter=2026/Q1", as: .reader)
            #expect(bad.status == 400)
            #expect(bad.problemType == "invalid-parameter")
        }
    }
}
