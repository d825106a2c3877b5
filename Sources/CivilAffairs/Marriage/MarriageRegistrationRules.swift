import JSON

/// The rules a marriage registration must satisfy (Marriage Registration Regulations 2025,
/// Civil Code art. 1047): valid identity numbers that agree with the stated sex and birth date,
/// both parties of legal age on the registration date, two different persons, neither currently
/// married anywhere in the ledger, a registration date not in the future.
///
/// Certificate-number uniqueness and the race between two clerks are not judged here: the append
/// claims the certificate's own stream and both persons' streams at the versions read, so the
/// store lets exactly one registration through.
public struct MarriageRegistrationRules: Sendable {
    public let settings: CivilAffairsSettings

    public init(settings: CivilAffairsSettings) { self.settings = settings }

    /// The parties named by a `marriage.MarriageRegistered` (or `MarriageRefused`) payload, validated.
    public func parties(of payload: JSONValue, record: String) -> (parties: [IDNumber], violations: [RuleViolation]) {
        var parties: [IDNumber] = []
        var violations: [RuleViolation] = []
        for side in ["partyA", "partyB"] {
            let party = payload[side]
            do {
                let number = try IDNumber(party?["idNumber"]?.stringValue ?? "")
                parties.append(number)
                if let sex = party?["sex"]?.stringValue, sex != number.sex.rawValue {
                    violations.append(RuleViolation(rule: "person.sex-disagrees-with-id-number", record: record, pointer: "/\(side)/sex",
                                                    message: "\(side)'s sex is \(sex) but the identity card number says \(number.sex.rawValue); copy both from the card."))
                }
                if let birth = party?["birthDate"]?.stringValue, birth != number.birthDate.description {
                    violations.append(RuleViolation(rule: "person.birth-date-disagrees-with-id-number", record: record, pointer: "/\(side)/birthDate",
                                                    message: "\(side)'s birth date \(birth) is not the one in the identity card number (\(number.birthDate)); copy both from the card."))
                }
            } catch {
                violations.append(RuleViolation(rule: "person.invalid-id-number", record: record, pointer: "/\(side)/idNumber",
                                                message: "\(side): \(error.description)"))
            }
        }
        return (parties, violations)
    }

    /// Every violation of registering `payload`, given each party's current status (same order as `parties`).
    public func check(_ payload: JSONValue, statuses: [MaritalStatus], today: CalendarDay, record: String) -> [RuleViolation] {
        let named = parties(of: payload, record: record)
        let parties = named.parties
        var violations = named.violations
        let date: CalendarDay
        switch BusinessDate.read("registrationDate", of: payload, rule: "marriage.registration-date", record: record) {
        case .success(let day): date = day
        case .failure(let violation): return violations + [violation]
        }
        if let future = BusinessDate.notInFuture(date, field: "registrationDate", today: today, settings: settings, record: record) {
            violations.append(future)
        }
        guard parties.count == 2 else { return violations }
        if parties[0] == parties[1] {
            violations.append(RuleViolation(rule: "marriage.same-person", record: record, pointer: "/partyB/idNumber",
                                            message: "Both parties have the same identity card number; a marriage needs two persons."))
        }
        for (index, (party, side)) in zip(parties, ["partyA", "partyB"]).enumerated() {
            let minimum = party.sex == .male ? settings.minimumMarriageAgeMen : settings.minimumMarriageAgeWomen
            let age = party.age(on: date)
            if age < minimum {
                let legalDay = party.birthDate.adding(months: minimum * 12)
                violations.append(RuleViolation(rule: "marriage.party-under-age", record: record, pointer: "/\(side)/idNumber",
                                                message: "\(side) is \(age) on \(date); the legal age for \(party.sex == .male ? "men" : "women") is \(minimum), reached on \(legalDay)."))
            }
            if index < statuses.count, case .married(let certificate, let since) = statuses[index] {
                violations.append(RuleViolation(rule: "marriage.party-already-married", record: record, pointer: "/\(side)/idNumber",
                                                message: "\(side) has been married since \(since) (certificate \(certificate)); a divorce must be registered first."))
            }
        }
        return violations
    }
}
