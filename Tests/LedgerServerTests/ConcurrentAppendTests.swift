import EventLog
import Foundation
import NIOHTTP1
import LedgerServer
import Testing

@Suite("Concurrent appends over HTTP")
struct ConcurrentAppendTests {
    @Test("of many appends expecting no-stream, exactly one wins and the others get 409 with the actual version")
    func oneWinnerPerExpectedVersion() async throws {
        try await LiveServer.with { server in
            let statuses = try await withThrowingTaskGroup(of: Reply.self) { group in
                for i in 0..<16 {
                    group.addTask { try await server.append("race-1", #"[{"type":"assistance.A","data":{"writer":\#(i)}}]"#, expected: #""no-stream""#) }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0.status == 201 }.count == 1)
            let conflicts = statuses.filter { $0.status == 409 }
            #expect(conflicts.count == 15)
            #expect(conflicts.allSatisfy { $0.problemType == "wrong-expected-version" && $0.json["actual"] as? Int == 0 })
            #expect(try await server.store.size() == 1)
        }
    }

    @Test("writers that read the version, append expecting it, and retry on 409 lose no increment")
    func optimisticRetries() async throws {
        let writers = 6, increments = 8
        try await LiveServer.with { server in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var conflicts = 0
                        for step in 0..<increments {
                            while true {
                                let version = try await server.get("/v1/streams/counter-1/version", as: .appender)
                                let expected = version.status == 404 ? #""no-stream""# : String(try #require(version.json["version"] as? Int))
                                let reply = try await server.append("counter-1", #"[{"type":"test.Incremented","data":{"writer":\#(writer),"step":\#(step)}}]"#,
                                                                    expected: expected)
                                if reply.status == 201 { break }
                                #expect(reply.status == 409)
                                conflicts += 1
                            }
                        }
                        return conflicts
                    }
                }
                _ = try await group.reduce(0, +)
            }
            #expect(try await server.store.version(of: StreamName("counter-1")) == UInt64(writers * increments - 1))
            let page = try await server.store.readStream(StreamName("counter-1"), from: 0, direction: .forwards, limit: 1000)
            #expect(page.events.map(\.version) == (0..<UInt64(writers * increments)).map { $0 })
        }
    }
}
