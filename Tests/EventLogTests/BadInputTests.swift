import EventLog
import Foundation
import Testing

/// Every kind of bad input is refused with its own error, and the data file is byte-identical after.
@Suite("Bad input")
struct BadInputTests {
    @Test func malformedStreamNamesAreRefused() {
        for bad in ["", "with space", "slash/inside", "ümlaut-1", String(repeating: "a", count: 201), "tab\t-1"] {
            #expect(throws: EventLogError.self) { try StreamName(bad) }
        }
        #expect(throws: Never.self) { try StreamName(String(repeating: "a", count: 200)) }
        #expect(throws: Never.self) { try StreamName("reliefcase-2026_01.a:b") }
    }

    @Test func aMetadataKeySentTwiceIsRefusedByName() async throws {
        let ledger = try TemporaryLedger()
        for metadata in [#"{"actor":"a","actor":"b"}"#, #"{"source":"x","n":1,"source":"y"}"#] {
            let key = metadata.contains("actor") ? "actor" : "source"
            await #expect(throws: EventLogError.invalidMetadata(event: 1, reason: "the key \"\(key)\" appears more than once; send each key once")) {
                try await ledger.store.append([event(), event(metadata: metadata)], to: stream("case-1"))
            }
            #expect(throws: EventLogError.self) { try EventMetadata.stamping(Array(metadata.utf8), actor: "key:clerk") }
        }
        #expect(try await ledger.store.size() == 0)
    }

    @Test func eachBadRequestHasItsOwnErrorAndChangesNothing() async throws {
        let ledger = try TemporaryLedger { $0.limits.maxEventBytes = 4096; $0.limits.maxEventsPerRequest = 50 }
        let store = ledger.store
        let s = stream("case-1")
        let known = UUID()
        _ = try await store.append([event("test.Happened", #"{"n":1}"#, id: known)], to: s)
        let before = try ledger.fileBytes()

        func refused(_ code: String, _ appends: [StreamAppend], sourceLocation: SourceLocation = #_sourceLocation) async {
            do {
                _ = try await store.append(appends)
                Issue.record("accepted a request that should fail with \(code)", sourceLocation: sourceLocation)
            } catch let error as EventLogError {
                #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
                #expect(!error.description.isEmpty)
            } catch {
                Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
            }
        }
        func one(_ e: ProposedEvent, expected: ExpectedVersion = .any) -> [StreamAppend] {
            [StreamAppend(stream: s, expected: expected, events: [e])]
        }
        await refused("invalid-payload", one(event("test.Happened", "[1,2]")))
        await refused("invalid-payload", one(event("test.Happened", "\"text\"")))
        await refused("invalid-payload", one(event("test.Happened", "{\"a\":")))
        await refused("invalid-payload", one(event("test.Happened", "{\"a\":1} extra")))
        await refused("invalid-payload", one(event("test.Happened", "")))
        await refused("invalid-payload", one(event("test.Happened", "{\"a\":01}")))
        await refused("invalid-metadata", one(event("test.Happened", "{}", metadata: "[]")))
        await refused("invalid-metadata", one(event("test.Happened", "{}", metadata: #"{"actor":5}"#)))
        await refused("invalid-event-type", one(event("NoDomain")))
        await refused("invalid-event-type", one(event("assistance.lowercase")))
        await refused("event-too-large", one(event("test.Happened", #"{"big":""# + String(repeating: "x", count: 5000) + #""}"#)))
        await refused("too-many-events", [StreamAppend(stream: s, events: (0..<51).map { _ in event() })])
        await refused("empty-request", [StreamAppend(stream: s, events: [])])
        let twice = UUID()
        await refused("duplicate-event-in-request", [StreamAppend(stream: s, events: [event(id: twice), event(id: twice)])])
        await refused("duplicate-stream-in-request", [StreamAppend(stream: s, events: [event()]), StreamAppend(stream: s, events: [event()])])
        await refused("wrong-expected-version", one(event(), expected: .noStream))
        await refused("wrong-expected-version", one(event(), expected: .exactly(7)))
        await refused("id-conflict", one(event("test.Happened", #"{"n":2}"#, id: known)))
        #expect(try ledger.fileBytes() == before)
        #expect(try await store.size() == 1)
        #expect(try store.check().isSound)
    }

    @Test func envelopesSayWhereTheyAreWrong() {
        func problem(_ json: String) -> String? {
            do { _ = try EventEnvelope(json: Array(json.utf8), pointer: "/events/3"); return nil } catch {
                guard case .invalidRequest(let pointer, _) = error else { return "other" }
                return pointer
            }
        }
        #expect(problem(#"{"data":{}}"#) == "/events/3/type")
        #expect(problem(#"{"type":"a.B"}"#) == "/events/3/data")
        #expect(problem(#"{"type":"a.B","data":{},"id":"nope"}"#) == "/events/3/id")
        #expect(problem(#"{"type":"a.B","data":{},"colour":"red"}"#) == "/events/3/colour")
        #expect(problem(#"[1]"#) == "/events/3")
        #expect(problem(#"{"type":"a.B","data":{"x":[1, 2]}}"#) == nil)
    }
}
