/// The README an auditor finds in a bundle: what is there and how to check it without us.
enum AuditBundleReadme {
    static func text(events: Int, treeSize: UInt64, selection: AuditBundleExport.Selection) -> String {
        let what: String
        switch selection {
        case .stream(let stream): what = "every event of stream `\(stream)`"
        case .positions(let from, let to): what = "the events at positions \(from) through \(to)"
        }
        return """
        # CivicLedger audit bundle

        This folder holds \(what) — \(events) events — with a proof that each one is in the
        bureau's append-only log as of a signed checkpoint of \(treeSize) events.

        ## Check it with the ledger's tool
            civic-ledger audit verify . --key '<the log's verifier key, from a source you trust>'
            civic-ledger audit verify . --key '…' --against old-checkpoint.txt --server https://…
        The second form also proves that the log only grew since a checkpoint you kept earlier.
        Without --key the bundle's own verifier.key is used, which only proves the bundle is
        consistent with itself: compare verifier.key with the key the bureau published.

        ## Check it by hand (any language)
        1. checkpoint.txt is a C2SP signed note: the text (origin, tree size, base64 root, each on a
           line) is signed with Ed25519 by the key in verifier.key (C2SP signed-note).
        2. For each line of events.ndjson, records/<position>.bin holds the record bytes, laid out as
           Schemas/record-format.md describes; its leaf hash is SHA-256(0x00 ‖ record bytes) and must
           equal "leafHash".
        3. The matching line of proofs.ndjson is an RFC 9162 inclusion proof (§2.1.3.2) of that leaf at
           index "leafIndex" in the tree of "treeSize" leaves; it must lead to the checkpoint's root.
        4. Decode each record and compare it with its line: position, stream, version, id, type, and
           the data and metadata bytes.

        """
    }
}
