import EventLog
import Foundation
import Testing

/// Reading streams, the whole log, and single events.
@Suite("Conformance: reads")
struct ReadConformanceTests {
    /// Appends 10 events to reliefcase-1, 5 to visit-1, interleaved: positions 0…14.
    private func fill(_ store: any EventStore) async throws {
        for i in 0..<5 {
            _ = try await store.append([event("assistance.Step\(i)A"), event("assistance.Step\(i)B")], to: stream("reliefcase-1"))
            _ = try await store.append([event("visits.Recorded")], to: stream("visit-1"))
        }
    }

    @Test(arguments: StoreBackend.all)
    func readsAStreamBothWays(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await fill(store)
            let s = stream("reliefcase-1")
            let page = try await store.readStream(s, from: nil, direction: .forwards, limit: 4)
            #expect(page.events.map(\.version) == [0, 1, 2, 3])
            #expect(page.events.map(\.position) == [0, 1, 3, 4])
            #expect(page.next == 4)
            #expect(!page.reachedEnd)
            let rest = try await store.readStream(s, from: 4, direction: .forwards, limit: 100)
            #expect(rest.events.map(\.version) == [4, 5, 6, 7, 8, 9])
            #expect(rest.reachedEnd && rest.next == nil)
            let back = try await store.readStream(s, from: nil, direction: .backwards, limit: 3)
            #expect(back.events.map(\.version) == [9, 8, 7])
            #expect(back.next == 6)
            let fromMiddle = try await store.readStream(s, from: 2, direction: .backwards, limit: 10)
            #expect(fromMiddle.events.map(\.version) == [2, 1, 0])
            #expect(fromMiddle.reachedEnd)
            let none = try await store.readStream(stream("reliefcase-2"), from: nil, direction: .forwards, limit: 10)
            #expect(none.events.isEmpty && none.reachedEnd)
            // A stream whose name is a prefix of another's is read alone.
            _ = try await store.append([event()], to: stream("reliefcase-10"))
            let only = try await store.readStream(s, from: nil, direction: .backwards, limit: 1)
            #expect(only.events[0].stream == s)
        }
    }

    @Test(arguments: StoreBackend.all)
    func readsTheWholeLogWithFilters(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            try await fill(store)
            let all = try await store.readAll(from: nil, direction: .forwards, limit: 100, filter: .all)
            #expect(all.events.map(\.position) == Array(0..<15))
            #expect(all.reachedEnd && all.next == 15)
            let paged = try await store.readAll(from: 5, direction: .forwards, limit: 3, filter: .all)
            #expect(paged.events.map(\.position) == [5, 6, 7])
            #expect(paged.next == 8)
            let back = try await store.readAll(from: nil, direction: .backwards, limit: 2, filter: .all)
            #expect(back.events.map(\.position) == [14, 13])
            #expect(back.next == 12)
            let visits = try await store.readAll(from: nil, direction: .forwards, limit: 100, filter: EventFilter(category: "visit"))
            #expect(visits.events.map(\.position) == [2, 5, 8, 11, 14])
            let visitsBack = try await store.readAll(from: 10, direction: .backwards, limit: 100, filter: EventFilter(category: "visit"))
            #expect(visitsBack.events.map(\.position) == [8, 5, 2])
            let typed = try await store.readAll(from: nil, direction: .forwards, limit: 100, filter: EventFilter(typePrefix: "assistance.Step2"))
            #expect(typed.events.map(\.type) == ["assistance.Step2A", "assistance.Step2B"])
            let both = try await store.readAll(from: nil, direction: .forwards, limit: 100,
                                               filter: EventFilter(category: "reliefcase", typePrefix: "assistance.Step4B"))
            #expect(both.events.map(\.position) == [13])
            let unknown = try await store.readAll(from: nil, direction: .forwards, limit: 100, filter: EventFilter(category: "nothing"))
            #expect(unknown.events.isEmpty && unknown.reachedEnd)
        }
    }

    @Test(arguments: StoreBackend.all)
    func readsOneEventByPositionAndById(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            #expect(try await store.head() == nil)
            let id = UUID()
            _ = try await store.append([event(), event("test.Found", id: id)], to: stream("case-1"))
            let byId = try #require(try await store.event(id: id))
            #expect(byId.position == 1 && byId.type == "test.Found")
            let byPosition = try #require(try await store.event(at: 1))
            #expect(byPosition == byId)
            #expect(try await store.event(at: 2) == nil)
            #expect(try await store.event(id: UUID()) == nil)
        }
    }
}
