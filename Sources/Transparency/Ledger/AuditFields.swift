import EventLog
import Foundation

/// The members an auditor asks for on every event read with `raw`: the record bytes and
/// the leaf hash the tree holds for it, both base64, so any SHA-256 tool can recheck them.
public enum AuditFields {
    public static func members(of event: RecordedEvent, proofs: LogProofs) throws -> [(String, String)] {
        let leaf = try proofs.leafHash(at: event.position)
        return [("record", "\"" + Data(event.record).base64EncodedString() + "\""), ("leafHash", "\"" + leaf.base64 + "\"")]
    }
}
