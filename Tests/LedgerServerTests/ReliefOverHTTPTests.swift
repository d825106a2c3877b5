import Foundation
import Testing

/// A minimum-living-allowance (低保) case over HTTP from application to payments: each rule on the
/// way refused by name with nothing written, the timeline, the payments per town and month, and
/// the case as of several moments of its life.
@Suite("a relief case's whole life over HTTP")
struct ReliefOverHTTPTests {
    static let caseId = "SA-330481001-2026-00002"
    static let stream = "reliefcase-SA-330481001-2026-00002"

    func step(_ type: String, _ fields: String) -> String {
        #"[{"type":"assistance.\#(type)","data":{"caseId":"\#(Self.caseId)","town":"330481001","reliefKind":"dibao",\#(fields)}}]"#
    }

    func notice(round: Int, from day: String) -> String {
        step("PublicNoticePosted", #""noticeStartDate":"\#(day)","noticeDays":7,"dayCounting":"calendar","round":\#(round),"location":"东山村村务公开栏""#)
    }

    func confirmation(on day: String) -> String {
        step("ReliefConfirmed", #""confirmedDate":"\#(day)","amountFen":95000,"paymentSchedule":"monthly","coveredMembers":1,"incomeStability":"irregular","certificateNumber":"DB330481-2026-000318","spotChecked":false"#)
    }

    func payment(month: String, paid day: String) -> String {
        step("ReliefPaid", #""paymentId":"\#(UUID().uuidString.lowercased())","month":"\#(month)","amountFen":95000,"paidDate":"\#(day)","recipientIdNumber":"11010519491231002X","paymentChannel":"one-card""#)
    }

    @Test("received → checked → surveyed → opinion → notice → objection → fresh notice → confirmed → paid")
    func fromApplicationToPayments() async throws {
        try await BureauServer.with { server in
            var positions: [(step: String, position: Int)] = []
            func taken(_ body: String, _ step: String) async throws {
                let reply = try await server.append(Self.stream, body)
                #expect(reply.status == 201, "\(step): \(reply.text)")
                positions.append((step, try reply.lastPosition()))
            }
            func refused(_ body: String, _ rule: String) async throws {
                let before = try await server.get("/v1/streams/\(Self.stream)/version").json["version"] as? Int
                let reply = try await server.append(Self.stream, body)
                #expect(reply.status == 422, "\(reply.text)")
                #expect(reply.violatedRules == [rule], "\(reply.text)")
                #expect(try await server.get("/v1/streams/\(Self.stream)/version").json["version"] as? Int == before, "nothing written")
            }
            try await taken(step("ApplicationReceived", #""village":"330481001001","receiptDate":"2026-03-02","channel":"online","applicant":{"idNumber":"11010519491231002X","name":"李秀英","address":"海宁市硖石街道东山村12组8号"},"members":[{"idNumber":"11010519491231002X","name":"李秀英","relation":"self","birthDate":"1949-12-31"}],"declaredMonthlyIncomeFen":0,"declaredAssetsFen":0,"closeRelativeOfStaff":false"#), "received")
            try await refused(step("HomeSurveyCompleted", #""surveyDate":"2026-03-11","surveyors":["STF-000101","STF-000117"],"conductedBy":"township","applicantSigned":true,"findings":"户主患慢性病无法务工。""#), "assistance.step-out-of-order")
            try await taken(step("EconomicCheckCompleted", #""reportId":"EC-2026-00004512","checkingAgency":"核对中心","reportDate":"2026-03-09","verifiedMonthlyIncomeFen":0,"verifiedAssetsFen":0,"perCapitaMonthlyIncomeFen":0,"withinThresholds":true"#), "economic-checked")
            try await taken(step("HomeSurveyCompleted", #""surveyDate":"2026-03-11","surveyors":["STF-000101","STF-000117"],"conductedBy":"township","applicantSigned":true,"findings":"户主患慢性病无法务工。""#), "home-surveyed")
            try await taken(step("PreliminaryOpinionGiven", #""opinionDate":"2026-03-16","opinion":"approve","proposedAmountFen":95000"#), "preliminary-opinion")
            try await refused(step("PublicNoticePosted", #""noticeStartDate":"2026-03-18","noticeDays":3,"dayCounting":"calendar","round":1,"location":"东山村村务公开栏""#), "assistance.notice-too-short")
            try await taken(notice(round: 1, from: "2026-03-18"), "public-notice")
            try await taken(step("ObjectionRaised", #""objectionNumber":1,"raisedDate":"2026-03-20","raisedBy":"anonymous","summary":"反映申请人子女有稳定收入。""#), "public-notice")
            try await refused(confirmation(on: "2026-04-05"), "assistance.objection-unresolved")
            try await taken(step("ObjectionResolved", #""objectionNumber":1,"resolvedDate":"2026-03-24","method":"re-investigation","outcome":"dismissed","requiresNewNotice":true,"summary":"异议不成立。""#), "public-notice")
            try await refused(confirmation(on: "2026-04-05"), "assistance.fresh-notice-required")
            try await taken(notice(round: 2, from: "2026-03-25"), "public-notice")
            try await refused(confirmation(on: "2026-03-27"), "assistance.notice-still-running")
            try await refused(payment(month: "2026-05", paid: "2026-05-10"), "assistance.payment-before-confirmation")
            try await taken(confirmation(on: "2026-04-05"), "confirmed")
            // Payments start the month after confirmation, once a month.
            try await refused(payment(month: "2026-04", paid: "2026-04-10"), "assistance.payment-before-first-month")
            try await taken(payment(month: "2026-05", paid: "2026-05-10"), "confirmed")
            try await refused(payment(month: "2026-05", paid: "2026-05-20"), "assistance.month-already-paid")
            let last = positions.last!.position

            let now = try await server.get("/v1/q/relief-cases/\(Self.caseId)?minPosition=\(last)", as: .reader)
            let view = try #require(now.json["relief-case"] as? [String: Any], "\(now.text)")
            #expect(view["step"] as? String == "confirmed")
            let timeline = (view["timeline"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
            #expect(timeline?.count == positions.count, "only what was taken is in the timeline: \(timeline ?? [])")
            #expect(timeline?.last == "assistance.ReliefPaid")
            #expect(!now.text.contains("11010519491231002X"), "the ID number stays in the log")
            let paid = try await server.get("/v1/q/relief-payments?town=330481001&month=2026-05&minPosition=\(last)", as: .reader)
            #expect((paid.json["items"] as? [[String: Any]])?.count == 1, "\(paid.text)")
            let confirmed = try await server.get("/v1/q/relief-cases?status=confirmed&town=330481001&minPosition=\(last)", as: .reader)
            #expect((confirmed.json["items"] as? [[String: Any]])?.count == 1, "\(confirmed.text)")

            // As of every moment: the step the case stood at then.
            for (expected, position) in positions {
                let then = try await server.get("/v1/q/relief-cases/\(Self.caseId)?asOf=\(position)", as: .reader)
                #expect((then.json["relief-case"] as? [String: Any])?["step"] as? String == expected, "asOf=\(position): \(then.text)")
            }
        }
    }
}
