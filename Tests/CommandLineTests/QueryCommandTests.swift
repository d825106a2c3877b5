import Foundation
import Testing

/// `civic-ledger query`: the bureau's questions on a data directory, answered as over HTTP.
@Suite("query command")
struct QueryCommandTests {
    static let caseId = "SA-330481001-2026-00001"

    /// A relief application received on 2026-03-02, imported through the bureau's rules, and the read models built.
    private func ledger() throws -> String {
        let data = temporaryPath()
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        let received = #"{"stream":"reliefcase-\#(Self.caseId)","type":"assistance.ApplicationReceived","data":{"caseId":"\#(Self.caseId)","town":"330481001","reliefKind":"dibao","village":"330481001001","receiptDate":"2026-03-02","channel":"online","applicant":{"idNumber":"11010519491231002X","name":"李秀英","address":"海宁市硖石街道东山村12组8号"},"members":[{"idNumber":"11010519491231002X","name":"李秀英","relation":"self","birthDate":"1949-12-31"}],"declaredMonthlyIncomeFen":0,"declaredAssetsFen":0,"closeRelativeOfStaff":false}}"#
        try received.write(toFile: data + "/events.ndjson", atomically: true, encoding: .utf8)
        let imported = try run("civic-ledger", ["import", "--data", data, data + "/events.ndjson"])
        #expect(imported.status == 0, "\(imported.stderr)")
        for name in ["relief-cases", "marriage"] {
            let rebuilt = try run("civic-ledger", ["projections", "rebuild", name, "--data", data])
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        }
        return data
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
    }

    @Test("a record, a list with filters, a record as of a position, and a person by ID number")
    func answers() throws {
        let data = try ledger()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let record = try run("civic-ledger", ["query", "relief-cases", Self.caseId, "--data", data])
        #expect(record.status == 0, "\(record.stderr)")
        let view = try json(record.stdout)["relief-case"] as? [String: Any]
        #expect(view?["step"] as? String == "received")
        #expect(try json(record.stdout)["position"] as? Int == 0)

        let list = try run("civic-ledger", ["query", "relief-cases", "status=received", "town=330481001", "--data", data])
        #expect(list.status == 0, "\(list.stderr)")
        #expect((try json(list.stdout)["items"] as? [[String: Any]])?.count == 1)
        let otherTown = try run("civic-ledger", ["query", "relief-cases", "status=received", "town=330481002", "--data", data])
        #expect((try json(otherTown.stdout)["items"] as? [[String: Any]])?.isEmpty == true)

        let past = try run("civic-ledger", ["query", "relief-cases", Self.caseId, "asOf=0", "--data", data])
        #expect(past.status == 0, "\(past.stderr)")
        #expect(try json(past.stdout)["asOf"] as? String == "0")
        let waiting = try run("civic-ledger", ["query", "relief-waiting", "date=2026-04-14", "--data", data])
        #expect((try json(waiting.stdout)["items"] as? [[String: Any]])?.first?["passed"] as? Bool == true, "\(waiting.stdout)")

        // A person the ledger never married: answered, by pseudonym, without the number.
        let person = try run("civic-ledger", ["query", "marital-status", "11010519491231002X", "--data", data])
        #expect(person.status == 0, "\(person.stderr)")
        #expect((try json(person.stdout)["person"] as? [String: Any])?["status"] as? String == "no-marriage-recorded")
        #expect(!person.stdout.contains("11010519491231002X"))
    }

    @Test("an unknown question, parameter, record or ID number is exit 3 and names what was wrong")
    func refusals() throws {
        let data = try ledger()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let unknown = try run("civic-ledger", ["query", "relief-case", "--data", data])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("relief-case"))
        #expect(unknown.stderr.contains("relief-cases"), "the message lists the questions: \(unknown.stderr)")
        let misspelt = try run("civic-ledger", ["query", "relief-cases", "stauts=received", "--data", data])
        #expect(misspelt.status == 3)
        #expect(misspelt.stderr.contains("stauts"))
        let notFound = try run("civic-ledger", ["query", "relief-cases", "SA-330481001-2026-09999", "--data", data])
        #expect(notFound.status == 3)
        #expect(notFound.stderr.contains("SA-330481001-2026-09999"))
        let badNumber = try run("civic-ledger", ["query", "marital-status", "330481199001010112", "--data", data])
        #expect(badNumber.status == 3)
        #expect(!badNumber.stderr.isEmpty)
        let twice = try run("civic-ledger", ["query", "relief-cases", "town=1", "town=2", "--data", data])
        #expect(twice.status == 3)
        #expect(twice.stderr.contains("town"))
        let ahead = try run("civic-ledger", ["query", "relief-cases", "minPosition=5", "--data", data])
        #expect(ahead.status == 3, "no append was acknowledged at 5: \(ahead.stderr)")
        #expect(ahead.stderr.contains("minPosition"))
        #expect(try run("civic-ledger", ["query", "relief-cases", "minPosition=0", "--data", data]).status == 0)
    }
}
