import EventLog
import Foundation

/// The members an auditor asks for on every event read with `raw`: the record bytes and
/// the leaf hash the tree holds for it, both base64, so any SHA-256 tool can recheck them.
public enum AuditFields {
    public static func members(of event: RecordedEvent, proofs: LogProofs) throws -> [(String, String)] {
        members(of: event, leaf: try proofs.leafHash(at: event.position))
    }

    /// The members of each event, with the leaf hashes read in one snapshot of the tree.
    public static func members(of events: [RecordedEvent], proofs: LogProofs) throws -> [[(String, String)]] {
        let leaves = try proofs.leafHashes(at: events.map(\.position))
        return zip(events, leaves).map { members(of: $0, leaf: $1) }
    }

    /// `"record"` and `"leafHash"` for `event`, whose stored leaf hash is `leaf`.
    public static func members(of event: RecordedEvent, leaf: Hash) -> [(String, String)] {
        [("record", "\"" + Data(event.record).base64EncodedString() + "\""), ("leafHash", "\"" + leaf.base64 + "\"")]
    }
}
