import CivilAffairs
import Foundation
import LedgerServer
import Testing

/// The bureau's records over HTTP: rules at append, questions with read-your-writes and asOf.
@Suite("the bureau's records over HTTP")
struct BureauRecordsTests {
    static let caseId = "SA-330481001-2026-00001"

    func relief(_ type: String, _ fields: String) -> String {
        #"[{"type":"assistance.\#(type)","data":{"caseId":"\#(Self.caseId)","town":"330481001","reliefKind":"dibao",\#(fields)}}]"#
    }

    @Test func aReliefCaseThroughItsStepsWithItsTimelineAndPast() async throws {
        try await BureauServer.with { server in
            let stream = "reliefcase-\(Self.caseId)"
            // Out of order: refused by name, nothing written.
            let early = try await server.append(stream, relief("EconomicCheckCompleted", #""reportId":"EC-2026-00000001","checkingAgency":"核对中心","reportDate":"2026-03-09","verifiedMonthlyIncomeFen":0,"verifiedAssetsFen":0,"perCapitaMonthlyIncomeFen":0,"withinThresholds":true"#))
            #expect(early.status == 422)
            #expect(early.problemType == "rule-violation")
            let violations = early.json["violations"] as? [[String: Any]]
            #expect(violations?.first?["rule"] as? String == "assistance.step-out-of-order")
            #expect(violations?.first?["record"] as? String == stream)
            #expect(try await server.get("/v1/streams/\(stream)/version").status == 404)

            let steps = [
                relief("ApplicationReceived", #""village":"330481001001","receiptDate":"2026-03-02","channel":"online","applicant":{"idNumber":"11010519491231002X","name":"李秀英","address":"海宁市硖石街道东山村12组8号"},"members":[{"idNumber":"11010519491231002X","name":"李秀英","relation":"self","birthDate":"1949-12-31"}],"declaredMonthlyIncomeFen":0,"declaredAssetsFen":0,"closeRelativeOfStaff":false"#),
            ]
            let received = try await server.append(stream, steps[0])
            #expect(received.status == 201, "\(received.text)")
            let position = try #require((received.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
            // Read-your-writes: the question waits for the read model to reach the append.
            let answer = try await server.get("/v1/q/relief-cases/\(Self.caseId)?minPosition=\(position)", as: .reader)
            #expect(answer.status == 200, "\(answer.text)")
            let view = answer.json["relief-case"] as? [String: Any]
            #expect(view?["step"] as? String == "received")
            #expect((view?["deadline"] as? [String: Any])?["due"] as? String == "2026-04-13")
            let listed = try await server.get("/v1/q/relief-cases?status=received&town=330481001&minPosition=\(position)", as: .reader)
            #expect((listed.json["items"] as? [[String: Any]])?.count == 1)
            let waiting = try await server.get("/v1/q/relief-waiting?date=2026-04-14&minPosition=\(position)", as: .reader)
            #expect((waiting.json["items"] as? [[String: Any]])?.first?["passed"] as? Bool == true)
            // As of before the case existed: 404; as of its receipt: received.
            #expect(try await server.get("/v1/q/relief-cases/\(Self.caseId)?asOf=0", as: .reader).status == (position == 0 ? 200 : 404))
            let past = try await server.get("/v1/q/relief-cases/\(Self.caseId)?asOf=\(position)", as: .reader)
            #expect((past.json["relief-case"] as? [String: Any])?["step"] as? String == "received")
            #expect(try await server.get("/v1/q/relief-cases/SA-330481001-2026-09999", as: .reader).status == 404)
            #expect(try await server.get("/v1/q/relief-cases?colour=red", as: .reader).status == 400)
        }
    }

    /// Two clerks register a marriage for the same person at the same moment: exactly one succeeds.
    @Test func theMarriageRaceOverHTTP() async throws {
        try await BureauServer.with { server in
            let shared = BureauServer.idNumber(born: "19900101", sequence: 11)
            let partners = [BureauServer.idNumber(born: "19920202", sequence: 22), BureauServer.idNumber(born: "19930303", sequence: 24)]
            func party(_ number: String) -> String {
                let male = Int(String(number[number.index(number.startIndex, offsetBy: 16)]))! % 2 == 1
                let birth = number.dropFirst(6).prefix(8)
                return #"{"idNumber":"\#(number)","name":"\#(male ? "王建国" : "李秀英")","sex":"\#(male ? "male" : "female")","birthDate":"\#(birth.prefix(4))-\#(birth.dropFirst(4).prefix(2))-\#(birth.suffix(2))"}"#
            }
            let outcomes = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, partner) in partners.enumerated() {
                    let data = #"{"office":"330481","registrationDate":"2026-05-20","certificateNumber":"J330481-2026-00000\#(index)","partyA":\#(party(shared)),"partyB":\#(party(partner)),"declarationSigned":true}"#
                    let event = #"{"type":"marriage.MarriageRegistered","data":\#(data)}"#
                    let body = #"{"appends":[{"stream":"\#(BureauServer.maritalStream(shared))","expectedVersion":"any","events":[\#(event)]},{"stream":"\#(BureauServer.maritalStream(partner))","expectedVersion":"any","events":[\#(event)]}]}"#
                    group.addTask { try await server.send(.POST, "/v1/append", token: server.tokens.appender, body: body).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.sorted() == [201, 422], "\(outcomes)")
            // The winner is married, by identity card number; the number itself is never stored.
            let head = try #require(try await server.get("/v1/head").json["head"] as? Int)
            let status = try await server.get("/v1/q/marital-status/\(shared)?minPosition=\(head)", as: .reader)
            #expect((status.json["person"] as? [String: Any])?["status"] as? String == "married", "\(status.text)")
            #expect(!status.text.contains(shared))
            let refused = try await server.get("/v1/q/marital-status/330481199001010112", as: .reader)
            #expect(refused.status == 400)
            #expect(refused.problemType == "invalid-id-number")
        }
    }

    @Test func theAPIDocumentListsEveryQuestion() async throws {
        let text = String(decoding: try PackageRoot.openAPIDocument(), as: UTF8.self)
        try await BureauServer.with { server in
            let registered = Set(server.server.router().routes.map { "\($0.method) \($0.path)" }.filter { $0.contains(" /v1/q/") })
            let documented = Set(text.split(separator: "\n").filter { $0.hasPrefix("  /v1/q/") }.map { "GET " + $0.dropFirst(2).dropLast() })
            #expect(registered.count == 18)
            #expect(registered == documented)
        }
    }

    @Test func overdueVisitsAsOfADay() async throws {
        try await BureauServer.with { server in
            let household = "HH-330481001001-0001"
            let set = #"[{"type":"assistance.WarningLevelSet","data":{"householdId":"\#(household)","town":"330481001","village":"330481001001","level":"red","setDate":"2026-06-01","headIdNumber":"11010519491231002X","headName":"李秀英","reasons":["serious-illness"],"specialDifficultyElderly":true}}]"#
            let reply = try await server.append("household-\(household)", set)
            #expect(reply.status == 201, "\(reply.text)")
            let position = try #require((reply.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
            // Red: weekly, counted from the warning on 06-01: due 06-08, overdue from 06-09.
            let before = try await server.get("/v1/q/visits-overdue?date=2026-06-08&minPosition=\(position)", as: .reader)
            #expect((before.json["items"] as? [Any])?.isEmpty == true, "\(before.text)")
            let after = try await server.get("/v1/q/visits-overdue?date=2026-06-09&minPosition=\(position)", as: .reader)
            #expect((after.json["items"] as? [[String: Any]])?.first?["householdId"] as? String == household)
            // A visit in the future is refused.
            let future = #"[{"type":"assistance.HomeVisitRecorded","data":{"householdId":"\#(household)","town":"330481001","visitId":"\#(UUID().uuidString.lowercased())","visitDate":"2099-01-01","method":"in-person","visitors":[{"role":"village-cadre","staffId":"STF-000001","name":"张伟"}],"findings":"ok","followUp":["care-service"]}}]"#
            let refused = try await server.append("household-\(household)", future)
            #expect(refused.status == 422, "\(refused.text)")
            #expect((refused.json["violations"] as? [[String: Any]])?.first?["rule"] as? String == "business-date-in-future", "\(refused.text)")
            // A visit on 06-05: the next is due a week later, overdue from 06-13.
            let visit = future.replacingOccurrences(of: "2099-01-01", with: "2026-06-05")
            let visited = try await server.append("household-\(household)", visit)
            #expect(visited.status == 201, "\(visited.text)")
            let seen = try #require((visited.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
            let red = try await server.get("/v1/q/households?colour=red&town=330481001&minPosition=\(seen)", as: .reader)
            let row = (red.json["items"] as? [[String: Any]])?.first
            #expect(row?["lastVisit"] as? String == "2026-06-05", "\(red.text)")
            #expect(row?["nextVisitDue"] as? String == "2026-06-12")
            #expect(row?["visits"] as? Int == 1)
            let onTime = try await server.get("/v1/q/visits-overdue?date=2026-06-12&minPosition=\(seen)", as: .reader)
            #expect((onTime.json["items"] as? [Any])?.isEmpty == true, "\(onTime.text)")
            let late = try await server.get("/v1/q/visits-overdue?date=2026-06-13&minPosition=\(seen)", as: .reader)
            #expect((late.json["items"] as? [[String: Any]])?.first?["householdId"] as? String == household)
            let one = try await server.get("/v1/q/households/\(household)?asOf=\(position)", as: .reader)
            #expect((one.json["household"] as? [String: Any])?["visits"] as? Int == 0, "before the visit: \(one.text)")
        }
    }
}
