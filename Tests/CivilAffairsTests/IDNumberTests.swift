import Testing
@testable import CivilAffairs

@Suite struct IDNumberTests {
    /// The example printed in GB 11643-1999 itself.
    @Test func acceptsTheStandardsExample() throws {
        let number = try IDNumber("11010519491231002X")
        #expect(number.birthDate.description == "1949-12-31")
        #expect(number.sex == .female)
        #expect(try IDNumber("11010519491231002x").text == "11010519491231002X")
    }

    @Test func computesCheckCharacters() throws {
        let body = "33048119900307123"
        let check = IDNumber.checkCharacter(for: body.map { Int(String($0))! })
        let number = try IDNumber(body + String(UnicodeScalar(check)))
        #expect(number.sex == .male)
        #expect(number.age(on: CalendarDay("2012-03-06")!) == 21)
        #expect(number.age(on: CalendarDay("2012-03-07")!) == 22)
    }

    @Test(arguments: [
        ("11010519491231002", IDNumberError.wrongLength(17)),
        ("1101051949123100A2", .notADigit(position: 17)),
        ("99010519491231002X", .unknownRegion("99")),
        ("110105194902300021", .invalidBirthDate),
        ("110105194912310021", .wrongCheckCharacter),
    ])
    func refusesWithAReason(_ text: String, _ expected: IDNumberError) {
        #expect(throws: expected) { try IDNumber(text) }
    }

    @Test func everySingleDigitTypoIsCaught() throws {
        let valid = Array("11010519491231002X")
        for index in 0..<17 {
            for digit in "0123456789" where digit != valid[index] {
                var changed = valid
                changed[index] = digit
                #expect(throws: IDNumberError.self) { try IDNumber(String(changed)) }
            }
        }
    }

    @Test func ageOnALeapDayBirthday() throws {
        let body = "33048120000229001"
        let number = try IDNumber(body + String(UnicodeScalar(IDNumber.checkCharacter(for: body.map { Int(String($0))! }))))
        #expect(number.age(on: CalendarDay("2022-02-28")!) == 21)
        #expect(number.age(on: CalendarDay("2022-03-01")!) == 22)
    }
}
