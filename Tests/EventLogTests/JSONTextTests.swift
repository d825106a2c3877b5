import EventLog
import Testing

@Suite("JSON text scanning")
struct JSONTextTests {
    @Test(arguments: [
        ("{}", JSONText.Kind.object), ("[]", .array), (" 1.5e-3 ", .number), ("\"\\ud83d\\ude00\"", .string),
        ("true", .bool), ("null", .null), (#"{"a":[1,{"b":null}],"c":"\u00e9"}"#, .object),
    ])
    func acceptsValidText(_ text: String, _ kind: JSONText.Kind) throws {
        #expect(try JSONText.validate(Array(text.utf8)) == kind)
    }

    @Test(arguments: ["", "{", "{\"a\"}", "[1,]", "01", "1.", "-", "\"\\x\"", "\"\u{01}\"", "tru", "{} {}",
                      "\"\\ud800\"", "\"\\udc00\"", "{\"a\":1,}", "NaN"])
    func refusesInvalidText(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONText.validate(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONText.validate([0x22, 0xFF, 0x22]) }
        let deep = Array((String(repeating: "[", count: 600) + String(repeating: "]", count: 600)).utf8)
        #expect(throws: JSONSyntaxError.self) { try JSONText.validate(deep) }
    }

    @Test func membersKeepRawValueBytes() throws {
        let text = Array(#"{ "data" : { "z": 1.50 , "a":[ ] }, "k\u0065y":"v" }"#.utf8)
        let members = try JSONText.members(of: text)
        #expect(members.map(\.key) == ["data", "key"])
        #expect(String(decoding: text[members[0].value], as: UTF8.self) == #"{ "z": 1.50 , "a":[ ] }"#)
        #expect(JSONText.string(text[members[1].value]) == "v")
    }
}
