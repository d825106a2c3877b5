import Synchronization

/// Tells waiting subscribers when the log has grown past a position.
///
/// The writer announces each committed size; a subscriber registers under the same lock that
/// guards the size, so an announcement can never slip between its check and its wait.
final class HeadWatch: Sendable {
    private struct State {
        var size: UInt64
        var waiters: [UInt64: (threshold: UInt64, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextTicket: UInt64 = 0
    }

    private let state: Mutex<State>

    init(size: UInt64) { state = Mutex(State(size: size)) }

    /// The number of committed events (the next position).
    var size: UInt64 { state.withLock { $0.size } }

    func announce(size: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.size = max(state.size, size)
            let due = state.waiters.filter { $0.value.threshold < state.size }
            for key in due.keys { state.waiters[key] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once the log holds more than `position` events, or when the task is cancelled.
    func wait(untilSizeExceeds position: UInt64) async {
        let ticket = state.withLock { state -> UInt64 in
            state.nextTicket += 1
            return state.nextTicket
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.size > position || Task.isCancelled { return true }
                    state.waiters[ticket] = (position, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: ticket) }
            waiter?.continuation.resume()
        }
    }

    /// Wakes every waiter (at shutdown), so none waits on a log that will not grow.
    func wakeAll() {
        let all = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            defer { state.waiters = [:] }
            return state.waiters.values.map(\.continuation)
        }
        for continuation in all { continuation.resume() }
    }
}
