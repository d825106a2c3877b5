import EventLog
import Projections

/// `minPosition`: a query waits until what it reads reflects that log position.
///
/// Only positions the log holds are waited for: an append is acknowledged after it is in the
/// log, so a position beyond the head was never given to anyone and is refused with 400.
struct ReadYourWrites: Sendable {
    let engine: ProjectionEngine
    let store: any LedgerStore

    /// Waits (bounded by the engine's options) until projection `name` has applied `position`,
    /// else throws the 503 `projection-behind` problem with the projection's position.
    func wait(_ name: String, reached position: UInt64?) async throws {
        guard let position else { return }
        try await inLog(position, member: .string("projection", name))
        try await Problem.projecting { try await engine.waitUntil(name, reached: position) }
    }

    /// Entities are folded from the log itself, so they reflect every position the log holds.
    func logHolds(_ position: UInt64?, entity: String) async throws {
        guard let position else { return }
        try await inLog(position, member: .string("entity", entity))
    }

    private func inLog(_ position: UInt64, member: Problem.Member) async throws {
        let size = try await store.size()
        guard position >= size else { return }
        throw Problem(.invalidParameter, detail: "The query parameter minPosition is beyond the log's head (\(size == 0 ? "the log is empty" : "position \(size - 1)")): no append was acknowledged there.",
                      members: [.string("parameter", "minPosition"), member])
    }
}
