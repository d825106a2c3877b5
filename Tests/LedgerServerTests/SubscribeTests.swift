import EventLog
import Foundation
@testable import LedgerServer
import Synchronization
import Testing

@Suite("Following the log with server-sent events")
struct SubscribeTests {
    @Test("a subscriber catches up from a position, then receives new events as they are appended")
    func catchesUpThenFollows() async throws {
        try await LiveServer.with { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{"i":0}},{"type":"assistance.B","data":{"i":1}}]"#)
            let url = server.base + "/v1/subscribe?from=0"
            let appender = Task {
                // Appended while the subscriber follows (or before it starts: it catches up either way).
                _ = try await server.append("relief-1", #"[{"type":"assistance.C","data":{"i":2}}]"#)
            }
            let result = try await EventStreamReader.read(url, token: server.tokens.reader) { $0.events.count >= 3 }
            try await appender.value
            #expect(result.status == 200)
            #expect(result.contentType == "text/event-stream")
            let events = result.messages.events
            #expect(events.map(\.id) == ["0", "1", "2"])
            #expect(events.map(\.event) == ["assistance.A", "assistance.B", "assistance.C"])
            #expect(events[2].json["data"] as? [String: Int] == ["i": 2])
            #expect(events[2].json["position"] as? Int == 2)
        }
    }

    @Test("a client reconnecting with Last-Event-ID resumes exactly after it")
    func resumesAfterLastEventID() async throws {
        try await LiveServer.with { server in
            for i in 0..<5 { try await server.append("relief-\(i % 2)", #"[{"type":"assistance.A","data":{"i":\#(i)}}]"#) }
            let first = try await EventStreamReader.read(server.base + "/v1/subscribe?from=0", token: server.tokens.auditor) { $0.events.count >= 2 }
            let last = try #require(first.messages.events.last?.id)
            #expect(last == "1")
            let resumed = try await EventStreamReader.read(server.base + "/v1/subscribe?from=0", token: server.tokens.auditor,
                                                           headers: [("Last-Event-ID", last)]) { $0.events.count >= 3 }
            #expect(resumed.messages.events.map(\.id) == ["2", "3", "4"])
        }
    }

    @Test("category and type filters narrow the stream")
    func filters() async throws {
        try await LiveServer.with { server in
            try await server.append("relief-1", #"[{"type":"assistance.A","data":{}}]"#)
            try await server.append("marriage-1", #"[{"type":"marriage.Registered","data":{}}]"#)
            try await server.append("relief-2", #"[{"type":"assistance.B","data":{}}]"#)
            try await server.append("marriage-2", #"[{"type":"marriage.Refused","data":{}}]"#)
            let result = try await EventStreamReader.read(server.base + "/v1/subscribe?from=0&category=marriage&type=marriage.Ref",
                                                          token: server.tokens.reader) { $0.events.count >= 1 }
            #expect(result.messages.events.map(\.id) == ["3"])
        }
    }

    @Test("an idle subscription gets heartbeats")
    func heartbeats() async throws {
        var configuration = LedgerServerConfiguration.testing
        configuration.heartbeatInterval = .milliseconds(20)
        try await LiveServer.with(configuration: configuration) { server in
            let result = try await EventStreamReader.read(server.base + "/v1/subscribe", token: server.tokens.reader) { messages in
                messages.contains { $0.comment == "heartbeat" }
            }
            #expect(result.messages.contains { $0.comment == "heartbeat" })
            #expect(result.messages.events.isEmpty)
        }
    }

    @Test("an event whose payload has line breaks arrives whole, over several data lines")
    func multiLinePayload() async throws {
        try await LiveServer.with { server in
            try await server.append("relief-1", "[{\"type\":\"assistance.A\",\"data\":{\n  \"a\": 1,\r\n  \"b\": [2]\n}}]")
            let result = try await EventStreamReader.read(server.base + "/v1/subscribe?from=0", token: server.tokens.reader) { $0.events.count >= 1 }
            let data = try #require(result.messages.events.first?.json["data"] as? [String: Any])
            #expect(data["a"] as? Int == 1)
        }
    }

    @Test("a graceful shutdown ends open subscriptions, so the server can stop")
    func shutdownEndsSubscriptions() async throws {
        try await LiveServer.with { server in
            let subscribed = Locked(false)
            async let ended = EventStreamReader.read(server.base + "/v1/subscribe?from=0", token: server.tokens.reader) { messages in
                if messages.contains(where: { $0.comment == "subscribed" }) { subscribed.withLock { $0 = true } }
                return false
            }
            while !subscribed.value { try await Task.sleep(for: .milliseconds(1)) }
            await server.services.triggerGracefulShutdown()
            let result = try await ended
            #expect(result.status == 200)
            #expect(result.messages.first?.comment == "subscribed")
        }
    }

    @Test("a client that does not keep up gets a final disconnected message, and no more")
    func slowClientIsDisconnected() async throws {
        let directory = NSTemporaryDirectory() + "civic-ledger-pump-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory))
        defer { store.close() }
        _ = try await store.append((0..<20).map { ProposedEvent(type: "test.Happened", payload: #"{"i":\#($0)}"#) }, to: StreamName("test-1"))

        let events = try await store.readAll(from: 0, direction: .forwards, limit: 100, filter: .all).events
        let (source, feed) = AsyncStream.makeStream(of: RecordedEvent.self)
        let firstWrite = Gate(), release = Gate()
        let written = Locked<[ServerSentEvent]>([])
        let buffer = SubscriberBuffer(capacity: 4) {}
        // The client takes nothing for 50 ms with its buffer full: it has stopped keeping up.
        let pump = SubscriptionPump(capacity: 4, heartbeat: .seconds(3600), grace: .milliseconds(50))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await pump.run(source, buffer: buffer) { message in
                    written.withLock { $0.append(message) }
                    await firstWrite.open()
                    await release.waitOnce()
                }
            }
            // The client takes its first message and then stops reading while the log grows past its buffer.
            feed.yield(events[0])
            await firstWrite.waitOnce()
            for event in events.dropFirst() { feed.yield(event) }
            while buffer.closedReason == nil { try await Task.sleep(for: .milliseconds(1)) }
            await release.open()
            try await group.waitForAll()
        }
        #expect(buffer.closedReason == .overflow)
        let messages = written.withLock { $0 }
        #expect(messages.count == 2)
        if case .event(let event) = messages.first { #expect(event.position == 0) } else { Issue.record("the first message is not an event") }
        #expect(messages.last == .disconnected(lastSent: 0))
        #expect(String(decoding: messages.last!.bytes, as: UTF8.self) == "event: disconnected\ndata: {\"reason\":\"slow-consumer\",\"lastEventId\":0}\n\n")
    }

    @Test("a client that does not take even its last message has its connection cut")
    func stuckClientIsCutOff() async throws {
        let directory = NSTemporaryDirectory() + "civic-ledger-pump-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory))
        defer { store.close() }
        _ = try await store.append((0..<20).map { ProposedEvent(type: "test.Happened", payload: #"{"i":\#($0)}"#) }, to: StreamName("test-1"))

        let stuck = Gate()
        let cut = Locked(false)
        let buffer = SubscriberBuffer(capacity: 2) {
            cut.withLock { $0 = true }
            Task { await stuck.open() }
        }
        let pump = SubscriptionPump(capacity: 2, heartbeat: .seconds(3600), grace: .milliseconds(10))
        await #expect(throws: ConnectionClosed.self) {
            try await pump.run(store.subscribe(from: 0), buffer: buffer) { _ in
                await stuck.waitOnce()
                throw ConnectionClosed()
            }
        }
        #expect(cut.withLock { $0 })
    }
}

struct ConnectionClosed: Error {}

/// Holds callers until opened.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func waitOnce() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
