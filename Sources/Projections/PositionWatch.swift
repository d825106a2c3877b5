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
        /// The newest generation of each projection known to be live: announcements of older
        /// ones are stale, and only this one may announce positions it passed over.
        var liveGenerations: [String: Int] = [:]
        /// Projections a runner of which stopped on a failure since their last announcement.
        var failed: Set<String> = []
        var waiters: [UInt64: Waiter] = [:]
        var nextTicket: UInt64 = 0

        /// Records `position` for `name` and takes out the waiters it satisfies.
        mutating func reach(_ name: String, _ position: UInt64) -> [CheckedContinuation<Void, Never>] {
            failed.remove(name)
            positions[name] = max(positions[name] ?? 0, position)
            let due = waiters.filter { $0.value.name == name && $0.value.position <= position }
            for ticket in due.keys { waiters[ticket] = nil }
            return due.values.map(\.continuation)
        }
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

    /// A live generation of `name` committed `position`.
    func announce(_ name: String, generation: Int, position: UInt64) {
        resume(state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard generation >= state.liveGenerations[name] ?? 0 else { return [] }
            state.liveGenerations[name] = generation
            return state.reach(name, position)
        })
    }

    /// The live generation of `name` passed over records it does not read, to `position`; false
    /// (nothing announced) when that generation is no longer the live one.
    func announce(_ name: String, generation: Int, passedOverTo position: UInt64) -> Bool {
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
            guard state.liveGenerations[name] == generation else { return nil }
            return state.reach(name, position)
        }
        guard let woken else { return false }
        resume(woken)
        return true
    }

    /// A rebuilt generation is about to go live at `position`: granted unless the live one
    /// already announced more (then queries could be told of positions the new one has not
    /// applied); from then on the old one announces nothing.
    func claimLive(_ name: String, generation: Int, at position: UInt64) -> Bool {
        state.withLock { state in
            guard state.positions[name] ?? 0 <= position else { return false }
            state.liveGenerations[name] = max(state.liveGenerations[name] ?? 0, generation)
            return true
        }
    }

    private func resume(_ continuations: [CheckedContinuation<Void, Never>]) {
        for continuation in continuations { continuation.resume() }
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
