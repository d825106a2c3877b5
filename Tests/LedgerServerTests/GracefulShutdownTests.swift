import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Synchronization
import Testing

/// Runs the built `civic-ledger` binary, as an operator would.
@Suite("Graceful shutdown of civic-ledger serve")
struct GracefulShutdownTests {
    @Test("SIGTERM under load: every acknowledged event is in the log after a restart")
    func sigtermUnderLoad() async throws {
        let ledger = try BuiltLedger()
        defer { ledger.remove() }
        let tokens = ledger.tokens

        let first = try ledger.serve()
        let acknowledged = Locked<[(id: String, position: Int)]>([])
        let refusals = Locked<[String]>([])
        let underLoad = Gate()
        let writers = 8
        let stopped = Locked(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    defer { if stopped.withLock({ $0 += 1; return $0 }) == writers { Task { await underLoad.open() } } }
                    for step in 0... {
                        let id = UUID().uuidString.lowercased()
                        // A type the catalog knows, with a payload its schema admits (the server enforces the catalog).
                        let data = #"{"creditCode":"51330481MJ0011223N","town":"330481101","joinedDate":"2026-03-\#(String(format: "%02d", step % 28 + 1))"}"#
                        let body = #"{"events":[{"id":"\#(id)","type":"organizations.GridServiceJoined","data":\#(data)}]}"#
                        guard let reply = try? await Reply.send(.POST, first.base + "/v1/streams/load-\(writer)/events", token: tokens.appender, body: body)
                        else { return }
                        guard reply.status == 201 else {
                            if reply.status != 503 { refusals.withLock { $0.append("\(reply.status) \(reply.text)") } }
                            return
                        }
                        let position = try #require((reply.json["events"] as? [[String: Any]])?.first?["position"] as? Int)
                        if acknowledged.withLock({ $0.append((id, position)); return $0.count }) == 50 { await underLoad.open() }
                    }
                }
            }
            // SIGTERM once appends are flowing (or once every writer stopped, so a broken server fails instead of hanging).
            await underLoad.waitOnce()
            first.terminate()
            // Once it is gone, stop the writers: the HTTP client would keep trying to reconnect.
            await withCheckedContinuation { exited in Thread.detachNewThread { _ = first.waitForExit(); exited.resume() } }
            group.cancelAll()
            try await group.waitForAll()
        }
        #expect(refusals.value.isEmpty, "appends were refused: \(refusals.value.prefix(3))")
        let exit = first.waitForExit()
        #expect(exit == 0)

        let second = try ledger.serve()
        defer { second.terminate(); _ = second.waitForExit() }
        let acks = acknowledged.value
        #expect(acks.count >= 50)
        for (id, position) in acks {
            let reply = try await Reply.send(.GET, second.base + "/v1/events/\(position)", token: tokens.auditor)
            #expect(reply.status == 200)
            #expect(reply.json["id"] as? String == id)
        }
    }
}
