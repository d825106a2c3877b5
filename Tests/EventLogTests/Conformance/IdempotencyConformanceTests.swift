import EventLog
import Foundation
import Testing

/// Retries must be safe: the same request twice is one write.
@Suite("Conformance: idempotency")
struct IdempotencyConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aRetriedRequestGetsTheOriginalAnswer(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let events = [event(), event("test.Other", #"{"k":"v"}"#)]
            let first = try await store.append(events, to: stream("case-1"), expecting: .noStream)
            _ = try await store.append([event()], to: stream("case-2"))
            // The retry's expected version no longer holds, but it is recognised first.
            let retry = try await store.append(events, to: stream("case-1"), expecting: .noStream)
            #expect(retry.replayed)
            #expect(retry.streams == first.streams)
            #expect(try await store.size() == 3)
        }
    }

    @Test(arguments: StoreBackend.all)
    func aMultiStreamRetryIsRecognisedWhole(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let request = [
                StreamAppend(stream: stream("person-a"), expected: .noStream, events: [event()]),
                StreamAppend(stream: stream("person-b"), expected: .noStream, events: [event(), event()]),
            ]
            let first = try await store.append(request)
            let retry = try await store.append(request)
            #expect(retry.replayed)
            #expect(retry.streams == first.streams)
            #expect(try await store.size() == 3)
        }
    }

    @Test(arguments: StoreBackend.all)
    func anIdReusedWithOtherContentNamesThePosition(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let id = UUID()
            _ = try await store.append([event()], to: stream("case-0"))
            _ = try await store.append([event(#"test.Happened"#, #"{"n":1}"#, id: id)], to: stream("case-1"))
            do {
                _ = try await store.append([event(#"test.Happened"#, #"{"n":2}"#, id: id)], to: stream("case-1"))
                Issue.record("an id reused with another payload was accepted")
            } catch let error as EventLogError {
                guard case .idConflict(let conflicting, let position, _) = error else {
                    Issue.record("expected an id conflict, got \(error)")
                    return
                }
                #expect(conflicting == id)
                #expect(position == 1)
            }
            // Same id, same payload, other stream: still a conflict, never a silent replay.
            await #expect(throws: EventLogError.self) {
                try await store.append([event(#"test.Happened"#, #"{"n":1}"#, id: id)], to: stream("case-2"))
            }
            // An old id mixed with new ones is refused whole.
            await #expect(throws: EventLogError.self) {
                try await store.append([event(#"test.Happened"#, #"{"n":1}"#, id: id), event()], to: stream("case-1"))
            }
            #expect(try await store.size() == 2)
        }
    }
}
