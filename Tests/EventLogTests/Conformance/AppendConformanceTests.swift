import EventLog
import Foundation
import Testing

/// What every EventStore must do when appending.
@Suite("Conformance: appends")
struct AppendConformanceTests {
    @Test(arguments: StoreBackend.all)
    func appendsGetGapFreeVersionsAndPositions(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let first = try await store.append([event(), event()], to: stream("case-1"), expecting: .noStream)
            #expect(first.streams[0].events.map(\.version) == [0, 1])
            #expect(first.streams[0].events.map(\.position) == [0, 1])
            #expect(first.streams[0].streamVersion == 1)
            #expect(!first.replayed)
            let second = try await store.append([event()], to: stream("case-2"), expecting: .noStream)
            #expect(second.streams[0].events[0].version == 0)
            #expect(second.streams[0].events[0].position == 2)
            let third = try await store.append([event()], to: stream("case-1"), expecting: .exactly(1))
            #expect(third.streams[0].events[0].version == 2)
            #expect(third.lastPosition == 3)
            #expect(try await store.size() == 4)
            #expect(try await store.head() == 3)
            #expect(try await store.version(of: stream("case-1")) == 2)
            #expect(try await store.version(of: stream("case-9")) == nil)
        }
    }

    @Test(arguments: StoreBackend.all)
    func expectedVersionsAreEnforced(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let s = stream("case-1")
            await #expect(throws: EventLogError.wrongExpectedVersion(stream: s, expected: .streamExists, actual: nil)) {
                try await store.append([event()], to: s, expecting: .streamExists)
            }
            await #expect(throws: EventLogError.wrongExpectedVersion(stream: s, expected: .exactly(0), actual: nil)) {
                try await store.append([event()], to: s, expecting: .exactly(0))
            }
            _ = try await store.append([event()], to: s, expecting: .noStream)
            await #expect(throws: EventLogError.wrongExpectedVersion(stream: s, expected: .noStream, actual: 0)) {
                try await store.append([event()], to: s, expecting: .noStream)
            }
            await #expect(throws: EventLogError.wrongExpectedVersion(stream: s, expected: .exactly(5), actual: 0)) {
                try await store.append([event()], to: s, expecting: .exactly(5))
            }
            _ = try await store.append([event()], to: s, expecting: .streamExists)
            _ = try await store.append([event()], to: s, expecting: .exactly(1))
            _ = try await store.append([event()], to: s, expecting: .any)
            #expect(try await store.version(of: s) == 3)
            #expect(try await store.size() == 4)
        }
    }

    @Test(arguments: StoreBackend.all)
    func aMultiStreamAppendIsAllOrNothing(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            _ = try await store.append([event()], to: stream("person-a"), expecting: .noStream)
            let refused = [
                StreamAppend(stream: stream("person-b"), expected: .noStream, events: [event()]),
                StreamAppend(stream: stream("person-a"), expected: .noStream, events: [event()]),
            ]
            await #expect(throws: EventLogError.wrongExpectedVersion(stream: stream("person-a"), expected: .noStream, actual: 0)) {
                try await store.append(refused)
            }
            #expect(try await store.version(of: stream("person-b")) == nil)
            #expect(try await store.size() == 1)
            let accepted = try await store.append([
                StreamAppend(stream: stream("person-b"), expected: .noStream, events: [event(), event()]),
                StreamAppend(stream: stream("person-a"), expected: .exactly(0), events: [event()]),
            ])
            #expect(accepted.streams.map(\.stream) == [stream("person-b"), stream("person-a")])
            #expect(accepted.streams.flatMap(\.events).map(\.position) == [1, 2, 3])
            #expect(accepted.streams[1].streamVersion == 1)
        }
    }

    @Test(arguments: StoreBackend.all)
    func payloadAndMetadataAreKeptByteForByte(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let payload = "{ \"z\" : 1.50e2,\n \"a\": \"\\u00e9 民政\", \"n\": [1, 2 ] }"
            let metadata = #"{"source":"test","correlationId":"c-1","extra":{"k":true}}"#
            let id = UUID()
            let result = try await store.append([event("assistance.ApplicationReceived", payload, id: id, metadata: metadata)],
                                                to: stream("reliefcase-7"))
            let read = try #require(try await store.event(at: result.lastPosition))
            #expect(read.payload == Array(payload.utf8))
            #expect(read.metadata == Array(metadata.utf8))
            #expect(read.id == id)
            #expect(read.type == "assistance.ApplicationReceived")
            #expect(read.stream == stream("reliefcase-7"))
            #expect(read.stream.category == "reliefcase")
            #expect(abs(read.recordedAt - Timestamp.nowMicroseconds()) < 60_000_000)
        }
    }
}
