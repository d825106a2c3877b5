import Foundation
import Testing

/// Elderly care over HTTP: an institution's beds, a renovation through its stages, assessments by
/// level, and the work plan's targets as of days before and after what happened.
@Suite("elderly care and the work plan over HTTP")
struct EldercareOverHTTPTests {
    static let institution = "EI-330481-0012"
    static let renovation = "AR-330481101-2026-0031"

    func event(_ type: String, _ data: String) -> String { #"[{"type":"eldercare.\#(type)","data":\#(data)}]"# }

    func items(_ reply: Reply) -> [[String: Any]] { (reply.json["items"] as? [[String: Any]]) ?? [] }

    @Test("filed, beds changed, a renovation surveyed → planned → accepted, an assessment; each question answers, and the plan counts by date")
    func careAndThePlan() async throws {
        try await BureauServer.with { server in
            let filed = event("InstitutionFiled", #"{"institutionId":"\#(Self.institution)","town":"330481101","institutionName":"海宁市硖石颐养院","creditCode":"52330481MJ5566778K","premisesAddress":"海宁市硖石街道文苑路88号","legalRepresentativeName":"钱文华","ownership":"public-private","premises":"leased","beds":180,"dementiaBeds":30,"floorAreaSqm":8600,"firstResidentsDate":"2026-01-05","filedDate":"2026-01-14"}"#)
            let beds = event("BedsChanged", #"{"institutionId":"\#(Self.institution)","town":"330481101","changedDate":"2026-06-30","beds":180,"dementiaBeds":60,"reason":"dementia-unit-built"}"#)
            let surveyed = event("RenovationSurveyed", #"{"renovationId":"\#(Self.renovation)","town":"330481101","village":"330481101203","elderIdNumber":"330481194210090281","elderName":"孙阿毛","address":"海宁市硖石街道东山村5组21号","surveyDate":"2026-03-10","needs":["grab-bars","anti-slip-floor","smart-alarm"]}"#)
            let planned = event("RenovationPlanned", #"{"renovationId":"\#(Self.renovation)","town":"330481101","plannedDate":"2026-03-20","items":[{"item":"grab-bars","costFen":60000},{"item":"anti-slip-floor","costFen":150000},{"item":"smart-alarm","costFen":90000}],"totalCostFen":300000,"subsidyFen":300000}"#)
            let accepted = event("RenovationAccepted", #"{"renovationId":"\#(Self.renovation)","town":"330481101","acceptedDate":"2026-04-20","result":"passed","finalCostFen":286000,"subsidyFen":286000}"#)
            let assessed = event("CapacityAssessed", #"{"assessmentId":"CA-2026-000412","town":"330481101","elderIdNumber":"330481194210090281","assessedDate":"2026-03-14","score":58,"level":"moderate","purpose":"renovation","renovationId":"\#(Self.renovation)","assessorStaffIds":["STF-000301","STF-000302"]}"#)

            for body in [filed, beds] { #expect(try await server.append("institution-\(Self.institution)", body).status == 201) }
            for body in [surveyed, planned] { #expect(try await server.append("renovation-\(Self.renovation)", body).status == 201) }
            let assessment = try await server.append("elder-assessed-CA-2026-000412", assessed)
            #expect(assessment.status == 201, "\(assessment.text)")
            let head = try #require((assessment.json["events"] as? [[String: Any]])?.last?["position"] as? Int)

            let institutions = try await server.get("/v1/q/care-institutions?minPosition=\(head)", as: .reader)
            let home = items(institutions).first
            #expect(home?["beds"] as? Int == 180)
            #expect(home?["dementiaBeds"] as? Int == 60, "\(institutions.text)")
            #expect(!institutions.text.contains("钱文华"), "personal fields stay in the log")
            #expect(items(try await server.get("/v1/q/renovations?stage=planned&minPosition=\(head)", as: .reader)).first?["renovationId"] as? String == Self.renovation)
            #expect(items(try await server.get("/v1/q/renovations?stage=accepted&minPosition=\(head)", as: .reader)).isEmpty)
            let levels = items(try await server.get("/v1/q/capacity-assessments?minPosition=\(head)", as: .reader))
            #expect(levels.first?["level"] as? String == "moderate")
            #expect(levels.first?["count"] as? Int == 1)

            let done = try await server.append("renovation-\(Self.renovation)", accepted)
            let end = try #require((done.json["events"] as? [[String: Any]])?.last?["position"] as? Int, "\(done.text)")
            let stages = try await server.get("/v1/q/renovations?minPosition=\(end)", as: .reader)
            #expect(items(stages).first?["stage"] as? String == "accepted", "\(stages.text)")

            // The plan: the renovation counts from its acceptance day, the 30 dementia beds from theirs.
            func target(_ id: String, on day: String) async throws -> [String: Any]? {
                let plan = try await server.get("/v1/q/work-plan?date=\(day)&minPosition=\(end)", as: .reader)
                #expect(plan.status == 200, "\(plan.text)")
                return (plan.json["targets"] as? [[String: Any]])?.first { $0["target"] as? String == id }
            }
            #expect(try await target("renovations", on: "2026-04-19")?["value"] as? Int == 0)
            #expect(try await target("renovations", on: "2026-04-20")?["value"] as? Int == 1)
            #expect(try await target("dementia-beds", on: "2026-06-29")?["value"] as? Int == 0)
            #expect(try await target("dementia-beds", on: "2026-06-30")?["value"] as? Int == 30)
            // A new year starts from nothing.
            #expect(try await target("renovations", on: "2027-01-01")?["value"] as? Int == 0)
            #expect(try await server.get("/v1/q/work-plan?date=2026-13-01", as: .reader).status == 400)
        }
    }
}
