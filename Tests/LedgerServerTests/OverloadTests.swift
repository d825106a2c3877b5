import EventLog
import Foundation
import LMDB
import LedgerServer
import Synchronization
import Testing

@Suite("Overload")
struct OverloadTests {
    @Test("a full writer queue answers 503 overloaded with Retry-After, and the queued appends still succeed")
    func fullQueue() async throws {
        let writer = HeldWriter()
        var limits = LedgerLimits()
        limits.maxQueuedRequests = 2
        try await LiveServer.with(limits: limits, observers: [writer]) { server in
            let body = #"[{"type":"assistance.A","data":{}}]"#
            // The first append holds the writer inside its transaction; two more fill the queue.
            async let held = server.append("load-0", body)
            await writer.entered.waitOnce()
            async let queued1 = server.append("load-1", body)
            async let queued2 = server.append("load-2", body)
            while server.store.queueDepth < 2 { try await Task.sleep(for: .milliseconds(1)) }
            let refused = try await server.append("load-3", body)
            #expect(refused.status == 503)
            #expect(refused.problemType == "overloaded")
            #expect(refused.headers.first(name: "retry-after") == "1")
            writer.release()
            let answered = try await [held, queued1, queued2]
            #expect(answered.map(\.status) == [201, 201, 201])
            #expect(try await server.store.size() == 3)
        }
    }
}

/// Holds the writer thread inside its first transaction until released.
final class HeldWriter: BatchObserver, Sendable {
    let entered = Gate()
    private let released = DispatchSemaphore(value: 0)
    private let first = Mutex(true)

    func prepare(_ environment: Environment) throws {}

    func observedSize(in txn: ReadTransaction) throws -> UInt64 { .max }

    func recordsAppended(_ records: [(position: UInt64, record: [UInt8])], in txn: WriteTransaction) throws {
        let isFirst = first.withLock { isFirst in
            defer { isFirst = false }
            return isFirst
        }
        guard isFirst else { return }
        let entered = entered
        Task { await entered.open() }
        released.wait()
    }

    func release() { released.signal() }
}
