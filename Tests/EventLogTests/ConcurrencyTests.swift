import EventLog
import Foundation
import Testing

/// Optimistic concurrency under real contention: many tasks, few streams, exact versions.
@Suite("Concurrent appends")
struct ConcurrencyTests {
    @Test func sixtyFourTasksOnSixteenStreamsTakeEveryVersionExactlyOnce() async throws {
        let ledger = try TemporaryLedger()
        let store = ledger.store
        let perTask = 20
        // Each task appends `perTask` events, each to a stream chosen round-robin, always with the
        // exact version it read; on a conflict it reads again and retries.
        let acknowledged = try await withThrowingTaskGroup(of: [AppendedEvent].self) { group in
            for t in 0..<64 {
                group.addTask {
                    var mine: [AppendedEvent] = []
                    for i in 0..<perTask {
                        let name = stream("shared-\((t + i) % 16)")
                        while true {
                            let current = try await store.version(of: name)
                            let expected: ExpectedVersion = current.map { .exactly($0) } ?? .noStream
                            do {
                                let result = try await store.append([event("test.Took", #"{"task":\#(t),"i":\#(i)}"#)], to: name, expecting: expected)
                                #expect(result.streams[0].events[0].version == (current.map { $0 + 1 } ?? 0))
                                mine += result.streams[0].events
                                break
                            } catch EventLogError.wrongExpectedVersion {
                                continue
                            }
                        }
                    }
                    return mine
                }
            }
            var all: [AppendedEvent] = []
            for try await some in group { all += some }
            return all
        }
        #expect(acknowledged.count == 64 * perTask)
        #expect(Set(acknowledged.map(\.position)) == Set(0..<UInt64(64 * perTask)))
        // Every version of every stream taken exactly once, in position order.
        var total = 0
        for s in 0..<16 {
            let page = try await store.readStream(stream("shared-\(s)"), from: nil, direction: .forwards, limit: 10_000)
            #expect(page.events.map(\.version) == Array(0..<UInt64(page.events.count)))
            #expect(zip(page.events, page.events.dropFirst()).allSatisfy { $0.position < $1.position })
            total += page.events.count
        }
        #expect(total == 64 * perTask)
        for appended in acknowledged {
            let read = try #require(try await store.event(id: appended.id))
            #expect(read.position == appended.position && read.version == appended.version)
        }
        let report = try store.check()
        #expect(report.isSound, "\(report.problems)")
    }
}
