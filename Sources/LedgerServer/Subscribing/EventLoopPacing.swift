import NIOCore

/// Paces a long response's writes to what its event loop has taken.
///
/// A write returns as soon as NIO has queued it for the connection's event loop, and that loop
/// is also what notices a full socket and makes the next write wait. While the loop is busy,
/// writes would pile up in memory unseen: a subscriber that had stopped reading got 12 MB held
/// for it that way. Every `step` bytes the writer waits until the loop has taken what was
/// written, so at most `step` bytes plus NIO's high-water mark wait in memory, however busy the
/// loop or slow the client.
struct EventLoopPacing {
    let eventLoop: any EventLoop
    let step: Int
    private var unconfirmed = 0

    init(eventLoop: any EventLoop, step: Int = 64 << 10) {
        self.eventLoop = eventLoop
        self.step = step
    }

    /// Counts `bytes` just written; past `step`, waits for the loop to catch up with them.
    mutating func wrote(_ bytes: Int) async throws {
        unconfirmed += bytes
        guard unconfirmed >= step else { return }
        unconfirmed = 0
        try await eventLoop.submit {}.get()
    }
}
