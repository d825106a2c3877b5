import EventLog
import Foundation
@testable import LedgerServer
import NIOCore
import NIOPosix
import Testing

/// Subscribers that do not keep up, over a real port: the server's buffer per subscriber stays
/// bounded, and the client learns where to resume.
@Suite("Slow subscribers, end to end")
struct SlowSubscriberTests {
    /// 12 MB of events in three commits: far more than the socket buffers and the subscriber
    /// buffer together hold.
    static let eventCount = 300
    static let payload = #"{"text":""# + String(repeating: "x", count: 40_000) + #""}"#

    static func appendMany(to store: LMDBEventStore) async throws {
        for batch in 0..<(eventCount / 100) {
            _ = try await store.append((0..<100).map { _ in ProposedEvent(type: "assistance.Noted", payload: payload) },
                                       to: StreamName("slow-\(batch)"))
        }
    }

    /// Waits until the server's metrics say it ended a subscription for `reason`: the moment it
    /// gave up on a client, however late a loaded machine gets there.
    static func waitUntilEnded(_ reason: String, on server: LiveServer) async throws {
        try await waitForMetrics(on: server, "the server never ended the subscription (\(reason))") {
            $0.contains(#"civic_ledger_subscriptions_ended_total{reason="\#(reason)"} 1"#)
        }
    }

    /// Waits until no subscription is open: the server let its client go on its own.
    static func waitUntilNoSubscriber(on server: LiveServer) async throws {
        try await waitForMetrics(on: server, "the subscription stayed open") { text in
            text.split(separator: "\n").contains { $0.hasPrefix("civic_ledger_subscribers ") && Double($0.split(separator: " ")[1]) == 0 }
        }
    }

    static func waitForMetrics(on server: LiveServer, _ failure: String, until done: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(90)
        while !done(String(decoding: server.server.metrics.exposition(), as: UTF8.self)) {
            guard ContinuousClock.now < deadline else { throw TestFailure(failure) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A subscriber buffer of 8 messages; `grace` is also the heartbeat interval.
    static func configuration(grace: Duration) -> LedgerServerConfiguration {
        var configuration = LedgerServerConfiguration.testing
        configuration.subscriberBuffer = 8
        configuration.heartbeatInterval = grace
        return configuration
    }

    /// A client subscribed from the start of the log, once it has its greeting.
    static func subscribed(to server: LiveServer) async throws -> RawEventStream {
        let client = try RawEventStream(port: server.port, path: "/v1/subscribe?from=0", token: server.tokens.reader)
        let greeting = try await client.read(timeout: .seconds(10)) { $0.contains { $0.comment == "subscribed" } }
        #expect(client.status == "HTTP/1.1 200 OK")
        #expect(greeting.first?.comment == "subscribed")
        return client
    }

    /// What a client told to go has: some events in order with no gap, not all, then the final message.
    static func expectToldToGo(_ client: RawEventStream, _ messages: [SSEMessage]) throws {
        #expect(client.ended || client.closed, "the server did not end the stream")
        let ids = messages.compactMap(\.id).compactMap(Int.init)
        #expect(!ids.isEmpty)
        #expect(ids == Array(0..<ids.count), "the events arrive in order with no gap")
        #expect(ids.count < Self.eventCount, "the server kept every event for a client that did not read")
        let last = try #require(messages.last)
        #expect(last.event == "disconnected")
        #expect(last.json["reason"] as? String == "slow-consumer")
        #expect(last.json["lastEventId"] as? Int == ids.last)
    }

    @Test("a client that stops reading while many events are appended gets what was buffered, a final disconnected message, then the end")
    func slowClientGetsAFinalMessage() async throws {
        // A client that takes nothing for 5 s is told to go, and has 5 s more to take that final
        // message before its connection is cut.
        try await LiveServer.with(configuration: Self.configuration(grace: .seconds(5))) { server in
            let client = try await Self.subscribed(to: server)
            // The client stops reading; the log grows by 12 MB, which fills its buffers at once.
            try await Self.appendMany(to: server.store)
            // Once the server has given up on it, within the second grace (not yet cut), it reads
            // again: what reached it, the final message, the end of the response.
            try await Self.waitUntilEnded("slow-consumer", on: server)
            try Self.expectToldToGo(client, try await client.read(timeout: .seconds(20)))
        }
    }

    @Test("a client that stops reading while the server's event loop is busy is still bounded: the events wait in the log, not in NIO's memory")
    func busyEventLoopKeepsTheBound() async throws {
        // The connection's own loop, so blocking it holds up no other test.
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        try await LiveServer.with(configure: { $0.eventLoopGroup = loops }, configuration: Self.configuration(grace: .seconds(5))) { server in
            let client = try await Self.subscribed(to: server)
            // While the loop is busy it cannot tell the response's writer that the socket is full;
            // a writer that trusted only that signal would hand all 12 MB to NIO meanwhile.
            let busy = loops.next().submit { Thread.sleep(forTimeInterval: 2) }
            try await Self.appendMany(to: server.store)
            try await busy.get()
            try await Self.waitUntilEnded("slow-consumer", on: server)
            try Self.expectToldToGo(client, try await client.read(timeout: .seconds(20)))
        }
        try await loops.shutdownGracefully()
    }

    @Test("a client that reads steadily catches up on a backlog far larger than its buffer, and is not cut off")
    func backlogThroughASmallBuffer() async throws {
        try await LiveServer.with(configuration: Self.configuration(grace: .seconds(10))) { server in
            try await Self.appendMany(to: server.store)
            let client = try RawEventStream(port: server.port, path: "/v1/subscribe?from=0", token: server.tokens.reader)
            // Reads all the time, counting what arrived once a second.
            let deadline = ContinuousClock.now + .seconds(60)
            while client.eventMessagesReceived < Self.eventCount && !client.closed && ContinuousClock.now < deadline {
                _ = try await client.read(timeout: .seconds(1))
            }
            let messages = client.messages
            #expect(messages.compactMap(\.id) == (0..<Self.eventCount).map(String.init))
            #expect(!messages.contains { $0.event == "disconnected" })
        }
    }

    @Test("a client that does not read at all is let go on the server's own: told to go, and cut when even that cannot reach it; the server goes on")
    func stuckClientIsCut() async throws {
        try await LiveServer.with(configuration: Self.configuration(grace: .milliseconds(300))) { server in
            let client = try await Self.subscribed(to: server)
            try await Self.appendMany(to: server.store)
            // Takes nothing until the server has let it go, then looks.
            try await Self.waitUntilEnded("slow-consumer", on: server)
            try await Self.waitUntilNoSubscriber(on: server)
            let messages = try await client.read(timeout: .seconds(60))
            #expect(messages.compactMap(\.id).count < Self.eventCount)
            // Cut, as a rule: its socket is full, so the final message cannot go. On a loaded
            // machine the server may give up while its own writes merely lag, with room left in
            // the socket; then the final message went out and the response ended with it.
            let metrics = String(decoding: server.server.metrics.exposition(), as: UTF8.self)
            let toldToGo = client.ended && messages.last?.event == "disconnected"
            if metrics.contains(#"civic_ledger_subscriptions_ended_total{reason="cut-off"} 1"#) {
                // (The cut-off may also land just after the final message went out.)
                #expect(client.closed || toldToGo, "the server counted a cut-off, yet the connection is open")
            } else {
                #expect(toldToGo, "neither cut nor told to go")
            }
            // The server still serves others.
            let follower = try await EventStreamReader.read(server.base + "/v1/subscribe?from=\(Self.eventCount - 1)", token: server.tokens.reader) {
                $0.events.count >= 1
            }
            #expect(follower.messages.events.first?.id == "\(Self.eventCount - 1)")
        }
    }

    @Test("an idle subscription over a plain socket gets heartbeats, then resumes after Last-Event-ID")
    func heartbeatsAndResume() async throws {
        var configuration = LedgerServerConfiguration.testing
        configuration.heartbeatInterval = .milliseconds(50)
        try await LiveServer.with(configuration: configuration) { server in
            let idle = try RawEventStream(port: server.port, path: "/v1/subscribe", token: server.tokens.reader)
            let beats = try await idle.read(timeout: .seconds(10)) { $0.filter { $0.comment == "heartbeat" }.count >= 2 }
            #expect(beats.filter { $0.comment == "heartbeat" }.count >= 2)
            #expect(beats.compactMap(\.id).isEmpty)
            for i in 0..<4 { try await server.append("relief-\(i)", #"[{"type":"assistance.A","data":{"i":\#(i)}}]"#) }
            let live = try await idle.read(timeout: .seconds(10)) { $0.compactMap(\.id).count >= 4 }
            #expect(live.compactMap(\.id) == ["0", "1", "2", "3"])
            let resumed = try await EventStreamReader.read(server.base + "/v1/subscribe", token: server.tokens.reader,
                                                           headers: [("Last-Event-ID", "1")]) { $0.events.count >= 2 }
            #expect(resumed.messages.events.map(\.id) == ["2", "3"])
        }
    }
}
