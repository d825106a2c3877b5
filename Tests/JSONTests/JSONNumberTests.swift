import JSON
import Testing

@Suite struct JSONNumberTests {
    func number(_ text: String) throws -> JSONNumber { try #require(JSONNumber(literal: text)) }

    @Test(arguments: [
        ("1", "1.0"), ("1", "10e-1"), ("0", "-0"), ("0", "0.000e10"), ("100", "1e2"),
        ("9007199254740992", "9007199254740992.0"), ("-2", "-2.000"),
        ("123456789012345678901234567890", "1.2345678901234567890123456789e29"),
    ])
    func equalValues(_ lhs: String, _ rhs: String) throws {
        #expect(try number(lhs) == number(rhs))
        #expect(try number(lhs).hashValue == number(rhs).hashValue)
    }

    @Test(arguments: [
        ("9007199254740992", "9007199254740993"), ("0.1", "0.10000000000000001"), ("-1", "1"),
        ("-2", "-1.5"), ("1e-400", "1e-399"), ("0", "1e-400"), ("99999999999999999999", "1e20"),
        ("-1e20", "-99999999999999999999"),
    ])
    func orderedValues(_ smaller: String, _ larger: String) throws {
        #expect(try number(smaller) < number(larger))
        #expect(try !(number(larger) < number(smaller)))
        #expect(try number(smaller) != number(larger))
    }

    @Test func integersIncludeWholeDecimals() throws {
        #expect(try number("1.0").isInteger)
        #expect(try number("1e3").isInteger)
        #expect(try !number("1.5").isInteger)
        #expect(try number("1.0e3").intValue == 1000)
        #expect(try number("1e30").intValue == nil)
        #expect(try number("-42").intValue == -42)
    }

    @Test(arguments: [
        ("0.0075", "0.0001", true), ("0.00751", "0.0001", false), ("4.5", "1.5", true), ("35", "1.5", false),
        ("1e308", "0.123456789", false), ("12391239123", "1e-8", true), ("0", "7", true),
        ("1e1000", "3", false), ("3e1000", "3", true), ("1e1000", "5", true), ("19.99", "0.01", true),
        ("123456789012345678901234567890", "10", true), ("123456789012345678901234567891", "3", false),
    ])
    func multiples(_ value: String, _ divisor: String, _ expected: Bool) throws {
        #expect(try number(value).isMultiple(of: number(divisor)) == expected)
    }

    @Test(arguments: [
        ("1.0", "1"), ("-0.0", "0"), ("1e21", "1e+21"), ("123e18", "123000000000000000000"),
        ("0.000001", "0.000001"), ("1e-7", "1e-7"), ("1.5e-7", "1.5e-7"), ("12.50", "12.5"),
        ("-3.25e2", "-325"), ("4.5e300", "4.5e+300"),
    ])
    func shortestText(_ literal: String, _ expected: String) throws {
        #expect(try number(literal).description == expected)
    }

    @Test func convertsFromDoubleAndInt() throws {
        #expect(JSONNumber(0.1) == (try number("0.1")))
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-12) == (try number("-12")))
        #expect(try number("2.5").doubleValue == 2.5)
    }

    @Test func refusesNonLiterals() {
        for text in ["01", "1.", ".5", "+1", "1e", "NaN", "0x10", " 1"] {
            #expect(JSONNumber(literal: text) == nil, "\(text)")
        }
    }
}
