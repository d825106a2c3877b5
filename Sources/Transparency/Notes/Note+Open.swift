extension Note {
    /// The signatures made by a key in `verifiers` that verify, in note order.
    ///
    /// Signatures by unknown keys (name and key ID not both matching) are ignored, as the
    /// specification requires. A known key's signature that fails to verify rejects the
    /// whole note, and so does a note with no verified signature at all.
    public func verifiedSignatures(by verifiers: [NoteVerifier]) throws(NoteError) -> [NoteSignature] {
        var verified: [NoteSignature] = []
        for signature in signatures {
            guard let verifier = verifiers.first(where: { $0.name == signature.name && $0.keyID == signature.keyID }) else {
                continue
            }
            guard verifier.isValidSignature(signature.signature, for: text) else {
                throw .invalidSignature(name: signature.name, keyID: signature.keyID)
            }
            if !verified.contains(signature) { verified.append(signature) }
        }
        guard !verified.isEmpty else { throw .noVerifiedSignature }
        return verified
    }

    /// Parses `signedNote` and checks that a key in `verifiers` signed it; the text can be
    /// trusted only when this returns.
    public static func open(_ signedNote: some Collection<UInt8>, verifiers: [NoteVerifier]) throws(NoteError) -> Note {
        let note = try Note(parsing: signedNote)
        _ = try note.verifiedSignatures(by: verifiers)
        return note
    }

    /// `open(_:verifiers:)` for a note held as a string.
    public static func open(_ signedNote: String, verifiers: [NoteVerifier]) throws(NoteError) -> Note {
        try open(Array(signedNote.utf8), verifiers: verifiers)
    }
}
