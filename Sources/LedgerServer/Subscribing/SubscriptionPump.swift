import EventLog
import Synchronization

/// Moves one subscriber's events from the log to its connection through a bounded buffer.
///
/// The log is read in the background into at most `capacity` messages; the connection is written
/// in the caller's task, one awaited write at a time, so a slow client slows only its own writes.
/// While the buffer is full the reading waits (the events stay in the log, not in memory), so a
/// client catching up on a long backlog is never cut off for reading at network speed. A client
/// that takes nothing for `grace` has stopped keeping up: it gets a final `disconnected` message
/// (it may resume with `Last-Event-ID`), and if it does not take even that within another
/// `grace`, its connection is cut. Memory per subscriber stays bounded either way.
struct SubscriptionPump: Sendable {
    var capacity: Int
    var heartbeat: Duration
    var grace: Duration

    /// `message` turns each event into what is sent (`.event` unless the client asked for more).
    func run<Events: AsyncSequence & Sendable>(
        _ events: Events, buffer: SubscriberBuffer,
        message: @escaping @Sendable (RecordedEvent) throws -> ServerSentEvent = { .event($0) },
        write: (ServerSentEvent) async throws -> Void
    ) async throws where Events.Element == RecordedEvent {
        defer { buffer.finish() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await event in events {
                        guard try await buffer.offer(try message(event), waitingUpTo: grace) else {
                            buffer.close(.overflow, grace: grace)
                            return
                        }
                    }
                } catch {
                    buffer.close(.failed, grace: grace)
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: heartbeat)
                    _ = buffer.offer(.heartbeat)
                }
            }
            var lastSent: UInt64?
            for await message in buffer.messages {
                if buffer.closedReason != nil { break }
                try await write(message)
                if let position = message.position { lastSent = position }
            }
            if buffer.closedReason == .overflow { try await write(.disconnected(lastSent: lastSent)) }
            group.cancelAll()
        }
    }
}

/// The bounded queue between a subscription and its connection, and the reason it closed.
final class SubscriberBuffer: Sendable {
    enum Reason: Sendable, Equatable {
        /// The client did not keep up.
        case overflow
        /// The server is shutting down.
        case shutdown
        /// Reading the log failed.
        case failed

        /// As the metrics name it; the slow client's is also its final message's `reason`.
        var label: String {
            switch self {
            case .overflow: "slow-consumer"
            case .shutdown: "shutdown"
            case .failed: "failed"
            }
        }
    }

    let messages: AsyncStream<ServerSentEvent>
    private let continuation: AsyncStream<ServerSentEvent>.Continuation
    private struct State {
        var reason: Reason?
        var finished = false
        var cutOffTimer: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let closed: @Sendable (Reason) -> Void
    private let cutOff: @Sendable () -> Void

    /// `closed` hears the reason the stream closed, once; `cutOff` closes the connection of a
    /// client that does not take its last message in time.
    init(capacity: Int, closed: @escaping @Sendable (Reason) -> Void = { _ in }, cutOff: @escaping @Sendable () -> Void) {
        (messages, continuation) = AsyncStream.makeStream(of: ServerSentEvent.self, bufferingPolicy: .bufferingOldest(max(1, capacity)))
        self.closed = closed
        self.cutOff = cutOff
    }

    var closedReason: Reason? { state.withLock { $0.reason } }

    /// Queues a message; false when the buffer is full and the message was not taken.
    func offer(_ message: ServerSentEvent) -> Bool {
        if case .enqueued = continuation.yield(message) { return true }
        return false
    }

    /// Queues a message, waiting while the buffer is full; false when the client took nothing
    /// for `patience` (or the buffer closed). Waiting polls: it only happens to a client behind.
    func offer(_ message: ServerSentEvent, waitingUpTo patience: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + patience
        while !offer(message) {
            if closedReason != nil || ContinuousClock.now >= deadline { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Stops the stream; the first reason given is the one reported.
    func close(_ reason: Reason, grace: Duration) {
        let first = state.withLock { state -> Bool in
            guard state.reason == nil else { return false }
            state.reason = reason
            return true
        }
        guard first else { return }
        closed(reason)
        continuation.finish()
        let timer = Task { [self] in
            guard (try? await Task.sleep(for: grace)) != nil, !state.withLock({ $0.finished }) else { return }
            cutOff()
        }
        state.withLock { $0.cutOffTimer = timer }
    }

    /// Marks the subscriber done, so a pending cut-off leaves the connection alone.
    func finish() {
        let timer = state.withLock { state in
            state.finished = true
            return state.cutOffTimer
        }
        timer?.cancel()
        continuation.finish()
    }
}
