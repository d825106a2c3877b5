import EventLog
import Foundation
import Testing

/// Subscriptions catch up, then follow, never missing or repeating an event.
@Suite("Conformance: subscriptions")
struct SubscriptionConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aSubscriberStartedMidLoadSeesEveryEventOnceInOrder(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let total = 3_000
            let writers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for w in 0..<8 {
                        group.addTask {
                            for i in 0..<(total / 8) {
                                _ = try await store.append([event("test.Load", #"{"w":\#(w),"i":\#(i)}"#)], to: stream("load-\(w)"))
                            }
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // Start once some events are in, so the subscriber both catches up and follows.
            while try await store.size() < 200 { try await Task.sleep(for: .milliseconds(1)) }
            var seen: [UInt64] = []
            var perStream: [String: Int] = [:]
            for try await e in store.subscribe(from: 0, pageSize: 64) {
                seen.append(e.position)
                let i = perStream[e.stream.rawValue, default: 0]
                #expect(e.version == UInt64(i))
                perStream[e.stream.rawValue] = i + 1
                if seen.count == total { break }
            }
            try await writers.value
            #expect(seen == Array(0..<UInt64(total)))
        }
    }

    @Test(arguments: StoreBackend.all)
    func aFilteredSubscriptionFollowsLiveAppends(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            _ = try await store.append([event("marriage.Registered")], to: stream("person-1"))
            _ = try await store.append([event("visits.Recorded")], to: stream("visit-1"))
            let reader = Task {
                var positions: [UInt64] = []
                for try await e in store.subscribe(from: 0, filter: EventFilter(category: "visit")) {
                    positions.append(e.position)
                    if positions.count == 3 { break }
                }
                return positions
            }
            try await Task.sleep(for: .milliseconds(50))
            _ = try await store.append([event("marriage.Registered")], to: stream("person-2"))
            _ = try await store.append([event("visits.Recorded")], to: stream("visit-2"))
            _ = try await store.append([event("visits.Recorded")], to: stream("visit-1"))
            #expect(try await reader.value == [1, 3, 4])
        }
    }

    @Test(arguments: StoreBackend.all)
    func aWaitingSubscriberStopsWhenCancelled(_ backend: StoreBackend) async throws {
        try await withStore(backend) { store in
            let reader = Task {
                var count = 0
                for try await _ in store.subscribe(from: 0) { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(50))
            reader.cancel()
            #expect(try await reader.value == 0)
        }
    }
}
