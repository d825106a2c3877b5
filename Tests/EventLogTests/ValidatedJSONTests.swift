@testable import EventLog
import Foundation
import Testing

/// Walking parts of an already validated text finds exactly what the validating scanner finds.
@Suite("Validated JSON walking")
struct ValidatedJSONTests {
    static let objects = [
        "{}", " { } ", #"{"a":1}"#, #"{ "data" : { "z": 1.50 , "a":[ ] }, "k\u0065y":"v" }"#,
        #"{"s":"a \"quoted\" } ] , string\\","n":-0.5e+3,"t":true,"f":false,"z":null,"e":[]}"#,
        "{\n\t\"deep\": [[{\"x\": [1, [2, {\"y\": \"}\"}]]}]],\r\n \"after\" : \"\\u00e9\\ud83d\\ude00\"\n}",
        #"{"dup":1,"dup":2}"#,
        // Runs of backslashes before a quote: odd escapes it, even ends the string.
        #"{"":"","\\":"\\\\","q":"\\\"}\"","r":["\"\\",{"\\\\\"":"]"}]}"#,
    ]

    @Test(arguments: objects)
    func membersAgreeWithTheValidatingScanner(_ text: String) throws {
        // Embedded in a larger text, as an event sits in a request body.
        let body = Array(#"{"events":[ "# .utf8) + Array(text.utf8) + Array(" ]}".utf8)
        let outer = try #require(ValidatedJSON.members(of: body, in: 0..<body.count))
        let events = try #require(ValidatedJSON.elements(of: body, in: outer[0].value))
        #expect(events.count == 1)
        let walked = try #require(ValidatedJSON.members(of: body, in: events[0]))
        let scanned = try JSONText.members(of: Array(text.utf8))
        let offset = events[0].lowerBound
        #expect(walked.map(\.key) == scanned.map(\.key))
        #expect(walked.map { $0.value.lowerBound - offset ..< $0.value.upperBound - offset } == scanned.map(\.value))
    }

    @Test func elementsOfEveryKindAndWhatIsNotAContainer() throws {
        let body = Array(#"[ 1 , -2.5e3,"x,]" ,true,null,{"a":[1]},[[]] ]"#.utf8)
        let elements = try #require(ValidatedJSON.elements(of: body, in: 0..<body.count))
        #expect(elements.map { String(decoding: body[$0], as: UTF8.self) } == ["1", "-2.5e3", #""x,]""#, "true", "null", #"{"a":[1]}"#, "[[]]"])
        #expect(ValidatedJSON.members(of: body, in: elements[0]) == nil)
        #expect(ValidatedJSON.elements(of: body, in: elements[5]) == nil)
        #expect(ValidatedJSON.kind(of: body, in: elements[2]) == .string)
        #expect(ValidatedJSON.elements(of: Array("[]".utf8), in: 0..<2) == [])
    }

    @Test func aPayloadCheckedInItsBodyIsMarkedAndAnyChangeClearsTheMark() async throws {
        let body = Array(#"{"events":[{"type":"test.Happened","data":{"n":1}},{"type":"test.Happened","data":[1]}]}"#.utf8)
        let list = try #require(ValidatedJSON.members(of: body, in: 0..<body.count)?.first?.value)
        let elements = try #require(ValidatedJSON.elements(of: body, in: list))
        var object = try EventEnvelope(validated: body, in: elements[0], pointer: "/events/0").event
        let array = try EventEnvelope(validated: body, in: elements[1], pointer: "/events/1").event
        #expect(object.payloadIsValidObject)
        #expect(!array.payloadIsValidObject)
        #expect(object == ProposedEvent(id: object.id, type: "test.Happened", payload: #"{"n":1}"#))
        object.payload = Array("not json".utf8)
        #expect(!object.payloadIsValidObject)
        // The store checks what is no longer known to be valid.
        let ledger = try TemporaryLedger()
        await #expect(throws: EventLogError.self) { try await ledger.store.append([object], to: stream("case-1")) }
        await #expect(throws: EventLogError.self) { try await ledger.store.append([array], to: stream("case-1")) }
        #expect(try await ledger.store.size() == 0)
    }

    @Test func anEventThatIsNotAnObjectSaysWhere() throws {
        let body = Array(#"{"events":[1]}"#.utf8)
        #expect(throws: EventLogError.invalidRequest(pointer: "/events/0", reason: "an event must be a JSON object, not a number")) {
            try EventEnvelope(validated: body, in: 11..<12, pointer: "/events/0")
        }
    }
}
