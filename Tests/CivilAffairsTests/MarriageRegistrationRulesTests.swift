import JSON
import Testing
@testable import CivilAffairs

@Suite struct MarriageRegistrationRulesTests {
    let rules = MarriageRegistrationRules(settings: CivilAffairsSettings())
    let today = CalendarDay("2026-06-01")!

    func registration(on date: String, a: JSONValue, b: JSONValue) -> JSONValue {
        ["office": "330481", "registrationDate": .string(date), "certificateNumber": "J330481-2026-000123",
         "partyA": a, "partyB": b, "declarationSigned": true]
    }

    func rulesBroken(_ payload: JSONValue, statuses: [MaritalStatus] = [.noMarriageRecorded, .noMarriageRecorded]) -> [String] {
        rules.check(payload, statuses: statuses, today: today, record: "marriage").map(\.rule)
    }

    @Test func aValidRegistrationPasses() {
        let payload = registration(on: "2026-05-20", a: party(born: "1998-03-01", sex: .male), b: party(born: "2001-07-15", sex: .female))
        #expect(rulesBroken(payload).isEmpty)
        // A divorced person may marry again.
        #expect(rulesBroken(payload, statuses: [.divorced(certificate: "L330481-2025-000001", on: CalendarDay("2025-01-01")!), .noMarriageRecorded]).isEmpty)
    }

    @Test func theLegalAgeIsJudgedOnTheRegistrationDate() {
        // He turns 22 on 2026-05-20: that day he may marry, the day before he may not.
        let a = party(born: "2004-05-20", sex: .male)
        let b = party(born: "2004-05-21", sex: .female)
        #expect(rulesBroken(registration(on: "2026-05-20", a: a, b: b)).isEmpty)
        let refused = rules.check(registration(on: "2026-05-19", a: a, b: b), statuses: [.noMarriageRecorded, .noMarriageRecorded],
                                  today: today, record: "marriage")
        #expect(refused.map(\.rule) == ["marriage.party-under-age"])
        #expect(refused.first?.pointer == "/partyA/idNumber")
        #expect(refused.first?.message.contains("reached on 2026-05-20") == true)
        // Women: 20.
        #expect(rulesBroken(registration(on: "2026-05-20", a: a, b: party(born: "2006-05-21", sex: .female))) == ["marriage.party-under-age"])
    }

    @Test func theLegalAgesAreConfigurable() {
        var settings = CivilAffairsSettings()
        settings.minimumMarriageAgeMen = 20
        let payload = registration(on: "2026-05-20", a: party(born: "2005-01-01", sex: .male), b: party(born: "2005-01-01", sex: .female))
        #expect(rulesBroken(payload) == ["marriage.party-under-age"])
        #expect(MarriageRegistrationRules(settings: settings).check(payload, statuses: [.noMarriageRecorded, .noMarriageRecorded], today: today, record: "m").isEmpty)
    }

    @Test func nobodyMarriesTwice() {
        let payload = registration(on: "2026-05-20", a: party(born: "1990-01-01", sex: .male), b: party(born: "1991-01-01", sex: .female))
        let married = MaritalStatus.married(certificate: "J330481-2020-000001", since: CalendarDay("2020-10-01")!)
        let found = rules.check(payload, statuses: [.noMarriageRecorded, married], today: today, record: "marriage")
        #expect(found.map(\.rule) == ["marriage.party-already-married"])
        #expect(found.first?.pointer == "/partyB/idNumber")
        #expect(found.first?.message.contains("J330481-2020-000001") == true)
    }

    @Test func theIdentityNumberMustBeValidAndAgreeWithThePayload() {
        var a = party(born: "1990-01-01", sex: .male)
        a = ["idNumber": a["idNumber"]!, "name": "王建国", "sex": "female", "birthDate": "1990-01-02"]
        let b: JSONValue = ["idNumber": "330481199101010121", "name": "李秀英", "sex": "female", "birthDate": "1991-01-01"]
        let broken = rulesBroken(registration(on: "2026-05-20", a: a, b: b))
        #expect(broken.sorted() == ["person.birth-date-disagrees-with-id-number", "person.invalid-id-number", "person.sex-disagrees-with-id-number"])
    }

    @Test func twoDifferentPersonsAndNoFutureDate() {
        let a = party(born: "1990-01-01", sex: .male)
        #expect(rulesBroken(registration(on: "2026-05-20", a: a, b: a)).contains("marriage.same-person"))
        let b = party(born: "1991-01-01", sex: .female)
        #expect(rulesBroken(registration(on: "2026-06-02", a: a, b: b)).isEmpty)   // one day ahead: allowed
        #expect(rulesBroken(registration(on: "2026-06-03", a: a, b: b)) == ["business-date-in-future"])
    }

    @Test func maritalStatusFollowsThePersonsStream() {
        var status = MaritalStatus.noMarriageRecorded
        status = status.applying(type: "marriage.MarriageRegistered", payload: ["certificateNumber": "J330481-2026-000001", "registrationDate": "2026-01-05"])
        #expect(status == .married(certificate: "J330481-2026-000001", since: CalendarDay("2026-01-05")!))
        status = status.applying(type: "marriage.CertificateReissued", payload: ["certificateNumber": "BJ330481-2026-000001"])
        #expect(status.isMarried)
        status = status.applying(type: "marriage.DivorceRegistered", payload: ["certificateNumber": "L330481-2026-000002", "registrationDate": "2026-09-01"])
        #expect(status == .divorced(certificate: "L330481-2026-000002", on: CalendarDay("2026-09-01")!))
    }
}
