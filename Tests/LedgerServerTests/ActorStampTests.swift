import EventLog
import Testing

/// The actor stamp as the server applies it to every appended event (`EventMetadata.stamping`).
@Suite("Actor stamp")
struct ActorStampTests {
    private func stamp(_ metadata: String, actor: String = "key:clerk-01") throws -> String {
        String(decoding: try EventMetadata.stamping(Array(metadata.utf8), actor: actor, event: 0), as: UTF8.self)
    }

    @Test("the actor comes from the token, first, and every other member is kept byte for byte in order")
    func stampsActor() throws {
        #expect(try stamp("{}") == #"{"actor":"key:clerk-01"}"#)
        #expect(try stamp(#"{ "correlationId" : "c-1" , "n": 1.50e3, "nested": {"a" : [1, 2]} }"#)
                == #"{"actor":"key:clerk-01","correlationId":"c-1","n":1.50e3,"nested":{"a" : [1, 2]}}"#)
    }

    @Test("a client's actor is kept as onBehalfOf")
    func movesClientActor() throws {
        #expect(try stamp(#"{"source":"desk","actor":"Wang \u738b"}"#) == #"{"actor":"key:clerk-01","onBehalfOf":"Wang \u738b","source":"desk"}"#)
        #expect(try stamp(#"{"onBehalfOf":"Li"}"#) == #"{"actor":"key:clerk-01","onBehalfOf":"Li"}"#)
    }

    @Test("the same request and token always stamp the same bytes (so retries stay idempotent)")
    func deterministic() throws {
        let metadata = #"{"actor":"x","b":[1,2],"a":"z"}"#
        #expect(try stamp(metadata) == (try stamp(metadata)))
        #expect(try stamp(metadata, actor: "key:other") != (try stamp(metadata)))
    }

    @Test("refuses metadata that is not an object, or sends both actor and onBehalfOf", arguments: [
        "[]", "\"x\"", "{", #"{"actor":"a","onBehalfOf":"b"}"#, #"{"actor":"a","actor":"b"}"#, #"{"n":1,"n":1}"#,
    ])
    func refuses(metadata: String) {
        #expect(throws: EventLogError.self) { try stamp(metadata) }
    }
}
