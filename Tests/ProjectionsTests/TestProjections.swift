import EventLog
import Foundation
import JSON
import Projections

/// Counts how often each log position was applied (`applied/<position>`), so that an event
/// applied twice or skipped shows; can be told to fail at one position.
struct Tally: Projection {
    let name: String
    var version = 1
    var eventTypes: [String] = []
    /// The position whose event the handler refuses.
    var failAt: UInt64?

    struct Refusal: Error, CustomStringConvertible {
        let position: UInt64
        var description: String { "tally refuses the event at \(position)" }
    }

    static func key(_ position: UInt64) -> String {
        let digits = String(position)
        return "applied/" + String(repeating: "0", count: 20 - digits.count) + digits
    }

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        if event.event.position == failAt { throw Refusal(position: event.event.position) }
        let key = Self.key(event.event.position)
        let seen = try state.get(key)?.numberValue?.intValue ?? 0
        try state.put(key, .number(JSONNumber(seen + 1)))
        let total = try state.get("total")?.numberValue?.intValue ?? 0
        try state.put("total", .number(JSONNumber(total + 1)))
        // The payload was parsed for this projection.
        guard event.payload.objectValue != nil else { throw Refusal(position: event.event.position) }
    }
}

/// Relief payments by payment id, as the latest schema (v2) reads them.
struct Payments: Projection {
    let name = "payments"
    let version = 1
    let eventTypes = ["assistance.ReliefPaid"]

    func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {
        guard let id = event.payload["paymentId"]?.stringValue else { return }
        try state.put("payment/" + id, ["channel": event.payload["paymentChannel"] ?? .null,
                                        "schemaVersion": .number(JSONNumber(event.schemaVersion))])
    }
}

extension ProjectionEngine {
    /// How many times each position was applied to a `Tally`, and the total.
    func tallies(_ name: String) async throws -> (counts: [UInt64: Int], total: Int) {
        var counts: [UInt64: Int] = [:]
        var after: String?
        repeat {
            let page = try await page(name, prefix: "applied/", after: after, limit: 1000)
            for entry in page.entries {
                counts[UInt64(entry.key.dropFirst("applied/".count))!] = entry.value.numberValue?.intValue
            }
            after = page.next
        } while after != nil
        let total = try await value(name, key: "total").value?.numberValue?.intValue ?? 0
        return (counts, total)
    }
}
