import Testing
import Transparency

@Suite("Signed notes")
struct NoteTests {
    static let alice: NoteSigner = try! NoteSigner.generate(name: "ledger.example.city/alice")
    static let bob: NoteSigner = try! NoteSigner.generate(name: "ledger.example.city/bob")

    @Test func generatedKeysRoundTripThroughTheirText() throws {
        let signer = try NoteSigner(Self.alice.signerKey)
        #expect(signer.verifier == Self.alice.verifier)
        #expect(try NoteVerifier(Self.alice.verifier.verifierKey) == Self.alice.verifier)
        #expect(Self.alice.signerKey.hasPrefix("PRIVATE+KEY+ledger.example.city/alice+"))
        #expect(try NoteSigner.generate(name: "x").verifier != NoteSigner.generate(name: "x").verifier)
    }

    @Test func unknownSignersAreIgnoredAndAtLeastOneKnownIsRequired() throws {
        let note = try Note(text: "hello\n").signed(by: [Self.bob, Self.alice])
        let opened = try Note.open(note.bytes, verifiers: [Self.alice.verifier])
        #expect(try opened.verifiedSignatures(by: [Self.alice.verifier]).map(\.name) == [Self.alice.name])
        #expect(throws: NoteError.noVerifiedSignature) { try Note.open(note.signedText, verifiers: []) }
        let stranger = try NoteSigner.generate(name: "other")
        #expect(throws: NoteError.noVerifiedSignature) { try Note.open(note.signedText, verifiers: [stranger.verifier]) }
    }

    @Test func aKnownKeysBadSignatureRejectsTheNote() throws {
        let signed = try Note(text: "pay 10\n").signed(by: [Self.alice, Self.bob]).signedText
        let altered = signed.replacingOccurrences(of: "pay 10", with: "pay 90")
        #expect(throws: NoteError.invalidSignature(name: Self.alice.name, keyID: Self.alice.keyID)) {
            try Note.open(altered, verifiers: [Self.alice.verifier])
        }
        // Same name, different key: not the known key, so ignored rather than failed.
        let impostor = try NoteSigner.generate(name: Self.alice.name)
        let forged = try Note(text: "pay 90\n").signed(by: [impostor]).signedText
        #expect(throws: NoteError.noVerifiedSignature) { try Note.open(forged, verifiers: [Self.alice.verifier]) }
    }

    @Test func textsMayHoldBlankLines() throws {
        let note = try Note(text: "one\n\ntwo\n").signed(by: [Self.alice])
        #expect(try Note.open(note.signedText, verifiers: [Self.alice.verifier]).text == "one\n\ntwo\n")
    }

    @Test(arguments: [
        "hello\n",
        "hello\n\n",
        "hello\n\n\u{2014} ledger.example.city/alice\n",
        "hello\n\n\u{2014} ledger.example.city/alice AAAA\n",
        "hello\n\n- ledger.example.city/alice AAAAAAA=\n",
        "hello\n\n\u{2014} a+b AAAAAAA=\n",
        "hello\n\n\u{2014} name !!!notbase64\n",
        "hello\n\n\u{2014} name AAAAAAA=",
        "hello\n\n\u{2014} name AAAAAAA=\n\n",
        "hel\u{7}lo\n\n\u{2014} name AAAAAAA=\n",
        "hello\r\n\n\u{2014} name AAAAAAA=\n",
    ])
    func malformedNotesAreRefused(_ text: String) {
        #expect(throws: NoteError.self) { try Note(parsing: text) }
        #expect(throws: NoteError.self) { try Note.open(text, verifiers: [Self.alice.verifier]) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: NoteError.malformedNote("a note must be valid UTF-8")) {
            try Note(parsing: [0x68, 0xFF, 0x0A, 0x0A] + Array("\u{2014} n AAAAAAA=\n".utf8))
        }
    }

    @Test func tooManySignaturesAreRefused() throws {
        let line = try Note(text: "x\n").signed(by: [Self.bob]).signedText.split(separator: "\n").last!
        let text = "x\n\n" + String(repeating: line + "\n", count: Note.maxSignatures + 1)
        #expect(throws: NoteError.self) { try Note(parsing: text) }
    }

    @Test func invalidTextsCannotBeSigned() {
        #expect(throws: NoteError.self) { try Note(text: "") }
        #expect(throws: NoteError.self) { try Note(text: "no newline") }
        #expect(throws: NoteError.self) { try Note(text: "tab\there\n") }
    }

    @Test(arguments: [
        "PeterNeumann+c74f20a3",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ])
    func malformedVerifierKeysAreRefused(_ key: String) {
        #expect(throws: NoteError.self) { try NoteVerifier(key) }
    }

    @Test func malformedSignerKeysAreRefused() {
        #expect(throws: NoteError.self) { try NoteSigner("PRIVATE+KEY+PeterNeumann+c74f20a3") }
        #expect(throws: NoteError.keyIDMismatch(name: "PeterNeumann")) {
            try NoteSigner("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
        #expect(throws: NoteError.self) {
            try NoteSigner("PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
    }
}
