/// A checkpoint together with the signed note that carries it.
public struct SignedCheckpoint: Sendable, Hashable {
    /// The parsed checkpoint.
    public let checkpoint: Checkpoint
    /// The note whose text is `checkpoint.text`.
    public let note: Note

    /// The note as served at `/checkpoint`: `text/plain; charset=utf-8`.
    public var signedText: String { note.signedText }

    /// Opens a signed checkpoint: verifies the note with `verifiers`, then parses its text.
    public init(opening signedNote: String, verifiers: [NoteVerifier]) throws {
        note = try Note.open(signedNote, verifiers: verifiers)
        checkpoint = try Checkpoint(text: note.text)
    }

    init(checkpoint: Checkpoint, note: Note) {
        self.checkpoint = checkpoint
        self.note = note
    }
}
