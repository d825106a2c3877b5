import JSON
import Testing

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        (" true ", .bool(true)),
        ("[1, \"a\", {\"b\": null}]", [1, "a", ["b": .null]]),
        ("\"\\u00e9\\ud83d\\ude00\\n\\/\"", .string("é😀\n/")),
        ("{}", .object(JSONObject())),
        ("-0.5e-3", .number(JSONNumber(literal: "-0.0005")!)),
    ] as [(String, JSONValue)])
    func acceptsValidText(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        ("[1, 2] x", JSONParseError.Reason.trailingCharacters, 7, 1, 8),
        ("\"a\\qb\"", .invalidEscape, 2, 1, 3),
        ("\"\\ud800\"", .loneSurrogate, 1, 1, 2),
        ("\"\\udc00x\"", .loneSurrogate, 1, 1, 2),
        ("[\"a\tb\"]", .controlCharacterInString, 3, 1, 4),
        ("{\n  \"a\": 01\n}", .leadingZero, 9, 2, 8),
        ("NaN", .unexpectedCharacter("'N'"), 0, 1, 1),
        ("[1.]", .invalidNumber, 3, 1, 4),
        ("-", .invalidNumber, 1, 1, 2),
        ("[1,]", .unexpectedCharacter("']'"), 3, 1, 4),
        ("{\"a\": 1, \"a\": 2}", .duplicateKey("a"), 9, 1, 10),
        ("[1, 2", .unexpectedEnd, 5, 1, 6),
        ("", .unexpectedEnd, 0, 1, 1),
        ("\"é\n", .controlCharacterInString, 3, 1, 3),
        ("tru", .unexpectedEnd, 3, 1, 4),
        ("Infinity", .unexpectedCharacter("'I'"), 0, 1, 1),
    ] as [(String, JSONParseError.Reason, Int, Int, Int)])
    func refusesInvalidText(_ text: String, _ reason: JSONParseError.Reason, _ offset: Int, _ line: Int, _ column: Int) {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
        #expect(error == JSONParseError(reason, offset: offset, line: line, column: column), "\(String(describing: error))")
    }

    @Test func refusesInvalidUTF8WithItsOffset() {
        let bytes: [UInt8] = [0x22, 0x61, 0xC3, 0x28, 0x22]
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
        #expect(error?.reason == .invalidUTF8)
        #expect(error?.offset == 2)
    }

    @Test func refusesEncodedSurrogatesInRawUTF8() {
        let bytes: [UInt8] = [0x22, 0xED, 0xA0, 0x80, 0x22]
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: bytes) }
    }

    @Test func limitsNestingDepth() throws {
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
        #expect(error?.reason == .tooDeep(limit: 512))
        #expect(error?.offset == 512)
        let allowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONValue(parsing: allowed)
        #expect(throws: JSONParseError.self) { try JSONParser(maximumDepth: 3).parse("[[[[]]]]") }
    }

    @Test func errorDescriptionSaysWhatAndWhere() {
        let error = #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{\n \"a\" 1}") }
        #expect(error?.description == "line 2, column 6 (byte 7): unexpected character '1'")
    }

    @Test func keepsKeyOrderButComparesUnordered() throws {
        let first = try JSONValue(parsing: #"{"b": 1, "a": [true, null]}"#)
        let second = try JSONValue(parsing: #"{"a": [true, null], "b": 1.0}"#)
        #expect(first.objectValue?.keys == ["b", "a"])
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
    }

    @Test func comparesStringsByScalars() {
        #expect(JSONValue.string("\u{E4}") != JSONValue.string("a\u{308}"))
        var object = JSONObject()
        let added = [object.appendIfAbsent("\u{E4}", 1), object.appendIfAbsent("a\u{308}", 2), object.appendIfAbsent("\u{E4}", 3)]
        #expect(added == [true, true, false])
    }

    @Test func largeObjectsStillRefuseDuplicates() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",")
        let object = try #require(JSONValue(parsing: "{\(members)}").objectValue)
        #expect(object["k39"] == 39)
        #expect(object.position(of: "k17") == 17)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "{\(members), \"k3\": 0}") }
    }
}
