/// Signs the log's checkpoints: the one place a checkpoint signature is made, so the
/// rule that a log never signs two inconsistent checkpoints is kept here.
public struct CheckpointSigner: Sendable {
    /// The log's origin line; the specification recommends it equal the key name.
    public let origin: String
    /// The log's key.
    public let signer: NoteSigner

    /// A signer for checkpoints of `origin`.
    public init(origin: String, signer: NoteSigner) throws(CheckpointError) {
        _ = try Checkpoint(origin: origin, size: 0, root: emptyTreeHash)
        self.origin = origin
        self.signer = signer
    }

    /// Signs the checkpoint of `tree` at its current size, after proving from the stored
    /// hashes that it extends `previous` (the last checkpoint this log signed, if any).
    public func sign<Store: HashStore>(_ tree: StoredTree<Store>, after previous: Checkpoint?) throws -> SignedCheckpoint {
        let checkpoint = try Checkpoint(origin: origin, size: tree.size, root: tree.root())
        if let previous {
            try requireConsistency(from: previous, to: checkpoint, in: tree)
        }
        return try sign(checkpoint)
    }

    /// Signs `checkpoint` as it is. Callers that did not check consistency themselves
    /// should use `sign(_:after:)`.
    public func sign(_ checkpoint: Checkpoint) throws -> SignedCheckpoint {
        guard checkpoint.origin == origin else {
            throw CheckpointConsistencyError.originChanged(previous: origin, next: checkpoint.origin)
        }
        let note = try Note(text: checkpoint.text).signed(by: [signer])
        return SignedCheckpoint(checkpoint: checkpoint, note: note)
    }
}
