import JSON
import Testing

@Suite struct JSONWriterTests {
    @Test func compactKeepsOrder() throws {
        let value = try JSONValue(parsing: #"{ "b" : [1.50, true, null], "a" : "x\"y" }"#)
        #expect(value.serialized() == #"{"b":[1.5,true,null],"a":"x\"y"}"#)
    }

    /// The RFC 8785 §3.2.3 sorting example: keys ordered by UTF-16 code units.
    @Test func canonicalSortsByUTF16() throws {
        let value = try JSONValue(parsing: #"{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}"#)
        let keys = try #require(JSONValue(parsing: value.serialized(.canonical)).objectValue?.keys)
        #expect(keys == ["\r", "1", "\u{80}", "\u{F6}", "\u{20AC}", "\u{1F600}", "\u{FB33}"])
    }

    @Test func escapesOnlyWhatJCSEscapes() {
        let value = JSONValue.string("a\u{1}\u{8}\t\n\u{C}\r\u{1F}\"\\/\u{7F}é")
        #expect(value.serialized(.canonical) == "\"a\\u0001\\b\\t\\n\\f\\r\\u001f\\\"\\\\/\u{7F}é\"")
    }

    @Test func canonicalNumbers() throws {
        let value = try JSONValue(parsing: "[1.0, -0, 1e21, 0.0000001, 333333333.33333329, 1E30, 4.50]")
        #expect(value.serialized(.canonical) == "[1,0,1e+21,1e-7,333333333.33333329,1e+30,4.5]")
    }

    @Test(arguments: [
        #"{"a":[1,2,{"b":null}],"c":"\u0000\ud834\udd1e","d":-1.25e-10,"e":{}}"#,
        #"[[[]],{},"",0,true,false,null]"#,
        #"{"name":"Zoë","dates":["2026-03-14"],"amount":19.99}"#,
    ])
    func roundTrips(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        for style in [JSONWriter.Style.compact, .canonical] {
            #expect(try JSONValue(parsing: value.serialized(style)) == value)
            #expect(try JSONValue(parsing: value.serializedBytes(style)) == value)
        }
        let canonical = value.serialized(.canonical)
        #expect(try JSONValue(parsing: canonical).serialized(.canonical) == canonical)
    }
}
