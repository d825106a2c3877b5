import JSON
import Testing

@Suite struct JSONPointerTests {
    /// RFC 6901 §5 examples.
    @Test(arguments: [
        ("", #"{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}"#),
        ("/foo", #"["bar","baz"]"#), ("/foo/0", #""bar""#), ("/", "0"), ("/a~1b", "1"), ("/c%d", "2"),
        ("/e^f", "3"), ("/g|h", "4"), ("/i\\j", "5"), ("/k\"l", "6"), ("/ ", "7"), ("/m~0n", "8"),
    ])
    func resolvesRFCExamples(_ pointer: String, _ expected: String) throws {
        let document = try JSONValue(parsing: #"{"foo":["bar","baz"],"":0,"a/b":1,"c%d":2,"e^f":3,"g|h":4,"i\\j":5,"k\"l":6," ":7,"m~n":8}"#)
        let parsed = try JSONPointer(parsing: pointer)
        #expect(parsed.resolve(in: document) == (try JSONValue(parsing: expected)))
        #expect(parsed.description == pointer)
    }

    @Test func buildsAndEscapes() {
        let pointer = JSONPointer.root.appending("a/b").appending("c~d").appending(index: 3)
        #expect(pointer.description == "/a~1b/c~0d/3")
        #expect(pointer.tokens == ["a/b", "c~d", "3"])
        #expect(JSONPointer.escape("~1") == "~01")
        #expect(JSONPointer.root.description == "")
    }

    @Test func refusesBadPointers() {
        #expect(throws: JSONPointerError.self) { try JSONPointer(parsing: "a") }
        #expect(throws: JSONPointerError.self) { try JSONPointer(parsing: "/a~2") }
        #expect(throws: JSONPointerError.self) { try JSONPointer(parsing: "/a~") }
    }

    @Test func missingTargetsResolveToNil() throws {
        let document = try JSONValue(parsing: #"{"list":[1,2]}"#)
        for text in ["/list/2", "/list/01", "/list/-", "/nope", "/list/0/x"] {
            #expect(try JSONPointer(parsing: text).resolve(in: document) == nil, "\(text)")
        }
    }
}
