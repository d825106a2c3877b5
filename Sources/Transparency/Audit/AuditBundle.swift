/// An audit bundle: everything an auditor needs to check events offline, in one folder.
///
/// ```
/// README.md          what is here and how to check it by hand
/// events.ndjson      the events, one a line, with "record" and "leafHash" (base64)
/// records/<P>.bin    each event's record bytes, named by position
/// checkpoint.txt     one signed checkpoint (C2SP signed note) covering every event
/// proofs.ndjson      an inclusion proof per event against that checkpoint, in events' order
/// verifier.key       the log's verifier key (name+keyid+base64) — compare it with one you trust
/// ```
public enum AuditBundle {
    public static let events = "events.ndjson"
    public static let records = "records"
    public static let checkpoint = "checkpoint.txt"
    public static let proofs = "proofs.ndjson"
    public static let verifierKey = "verifier.key"
    public static let readme = "README.md"

    static func recordPath(_ position: UInt64) -> String { "\(records)/\(position).bin" }
}
