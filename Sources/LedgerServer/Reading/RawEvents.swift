import EventLog
import Hummingbird
import HummingbirdCore
import Transparency

/// `?raw=true` on an event read: each event also carries `"record"` (base64 of its exact
/// record bytes, Schemas/record-format.md) and `"leafHash"` (base64 of the leaf hash the
/// Merkle tree holds for it), as `civic-ledger read --raw` prints them, so that an auditor can
/// rehash the record with any SHA-256 tool and check it against inclusion proofs.
struct RawEvents: Sendable {
    /// The verifiable log the leaf hashes come from; nil when the server keeps none.
    let proofs: LogProofs?

    init(server: LedgerServer) {
        proofs = server.routeProviders.lazy.compactMap { ($0 as? LogRoutes)?.proofs }.first
    }

    /// Whether the request asks for raw events: `raw=true`; `raw=false` or no `raw` is the plain read.
    static func requested(_ uri: URI) throws(Problem) -> Bool {
        guard let text = uri.queryParameters["raw"] else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw ReadQuery.invalid("raw", "must be true or false")
        }
    }

    /// The extra members of each event, in order.
    func members(of events: [RecordedEvent]) throws -> [[(String, String)]] {
        try Self.answer { try AuditFields.members(of: events, proofs: try available()) }
    }

    /// What a subscription sends for each event: with its record and leaf hash when `raw`.
    func message(raw: Bool) -> @Sendable (RecordedEvent) throws -> ServerSentEvent {
        guard raw else { return { event in .event(event) } }
        return { event in .rawEvent(event, leafHash: try leafHash(of: event)) }
    }

    private func leafHash(of event: RecordedEvent) throws -> Hash {
        try Self.answer { try available().leafHash(at: event.position) }
    }

    /// The log, or the problem that says the server keeps none.
    func available() throws(Problem) -> LogProofs {
        guard let proofs else {
            throw Problem(.logNotFound, detail: "This server keeps no verifiable log, so it cannot add record and leafHash (raw=true).")
        }
        return proofs
    }

    private static func answer<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as Problem { throw problem } catch {
            throw Problem(.storageError, detail: "The Merkle tree has no leaf hash for an event it should hold: \(error).")
        }
    }
}

extension EventPage {
    /// The page as JSON, with `record` and `leafHash` on every event when `raw` is set.
    func json(stream: StreamName? = nil, raw: RawEvents?) throws -> [UInt8] {
        guard let raw else { return json(stream: stream) }
        return json(stream: stream, extra: try raw.members(of: events))
    }
}
