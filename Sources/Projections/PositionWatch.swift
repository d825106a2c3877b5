import Synchronization

/// Wakes queries waiting for a projection to reach a log position (read-your-writes).
///
/// The engine announces each commit of a live generation; a waiter registers under the same
/// lock that guards the positions, so no announcement slips between its check and its wait.
final class PositionWatch: Sendable {
    private struct Waiter {
        let name: String
        let position: UInt64
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var positions: [String: UInt64] = [:]
        /// Projections a runner of which stopped on a failure since their last announcement.
        var failed: Set<String> = []
        var waiters: [UInt64: Waiter] = [:]
        var nextTicket: UInt64 = 0
    }

    private let state = Mutex(State())

    /// The last position announced for `name` in this process, and whether a runner of it
    /// failed since (then only the registry says what stands).
    func reached(_ name: String) -> (position: UInt64, failedSince: Bool)? {
        state.withLock { state in state.positions[name].map { ($0, state.failed.contains(name)) } }
    }

    /// A runner of `name` stopped on a failure: its waiters look at the registry now.
    func fail(_ name: String) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.failed.insert(name)
            let due = state.waiters.filter { $0.value.name == name }
            for ticket in due.keys { state.waiters[ticket] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    func announce(_ name: String, position: UInt64) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.failed.remove(name)
            state.positions[name] = max(state.positions[name] ?? 0, position)
            let due = state.waiters.filter { $0.value.name == name && $0.value.position <= position }
            for ticket in due.keys { state.waiters[ticket] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns when `name` reached `position`, after `timeout`, or when the task is cancelled.
    func wait(_ name: String, reached position: UInt64, timeout: Duration) async {
        let ticket = state.withLock { state -> UInt64 in
            state.nextTicket += 1
            return state.nextTicket
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            self?.release(ticket)
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if let reached = state.positions[name], reached >= position { return true }
                    if Task.isCancelled || timer.isCancelled { return true }
                    state.waiters[ticket] = Waiter(name: name, position: position, continuation: continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            release(ticket)
        }
    }

    private func release(_ ticket: UInt64) {
        state.withLock { $0.waiters.removeValue(forKey: ticket) }?.continuation.resume()
    }
}
