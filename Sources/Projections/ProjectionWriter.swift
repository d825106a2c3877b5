import Foundation

/// The one thread on which every projection write transaction runs.
///
/// LMDB binds a write transaction to its thread and blocks while another is open; running them
/// here keeps Swift's cooperative threads free for queries and the server. Jobs run in order.
final class ProjectionWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopping = false

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "civic-ledger projections"
        thread.start()
    }

    /// Runs `body` on the writer thread and returns its result.
    func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            condition.lock()
            if stopping {
                condition.unlock()
                continuation.resume(throwing: ProjectionError.storage("the projection engine has stopped"))
                return
            }
            jobs.append { continuation.resume(with: Result { try body() }) }
            condition.signal()
            condition.unlock()
        }
    }

    /// Runs every queued job, then ends the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty { condition.unlock(); return }
            let batch = jobs
            jobs.removeAll()
            condition.unlock()
            for job in batch { job() }
        }
    }
}
