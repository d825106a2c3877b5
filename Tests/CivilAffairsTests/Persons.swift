import JSON
@testable import CivilAffairs

/// A valid identity card number for a person of `sex` born on `birth` (a test fixture).
func idNumber(born birth: String, sex: IDNumber.Sex, region: String = "330481", sequence: Int = 12) -> String {
    let digits = birth.replacingOccurrences(of: "-", with: "")
    let order = sequence * 10 + (sex == .male ? 1 : 2)
    let body = region + digits + String(String(order).suffix(3)).leftPadded(to: 3)
    return body + String(UnicodeScalar(IDNumber.checkCharacter(for: body.map { Int(String($0))! })))
}

/// One party of a marriage or divorce payload.
func party(born birth: String, sex: IDNumber.Sex, sequence: Int = 12) -> JSONValue {
    [
        "idNumber": .string(idNumber(born: birth, sex: sex, sequence: sequence)),
        "name": .string(sex == .male ? "王建国" : "李秀英"),
        "sex": .string(sex.rawValue),
        "birthDate": .string(birth),
    ]
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
