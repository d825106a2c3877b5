import Testing
import Transparency

@Suite("signed-note vectors")
struct SignedNoteVectorTests {
    struct KeyVector: Decodable {
        let verifierKey: String
        let signerKey: String
        let text: String
        let signedNote: String
    }

    struct NoteCases: Decodable {
        struct Case: Decodable, Sendable {
            let verifierKey: String
            let note: String
            let text: String?
            let valid: Bool
        }
        let cases: [Case]
    }

    static let noteCases: [NoteCases.Case] = (try? Vectors.decode(NoteCases.self, from: "signed-note/notes.json").cases) ?? []

    @Test func signingReproducesThePeterNeumannNoteByteForByte() throws {
        let vector = try Vectors.decode(KeyVector.self, from: "signed-note/peterneumann.json")
        let signer = try NoteSigner(vector.signerKey)
        #expect(signer.signerKey == vector.signerKey)
        #expect(signer.verifier.verifierKey == vector.verifierKey)
        let note = try Note(text: vector.text).signed(by: [signer])
        #expect(note.bytes == Array(vector.signedNote.utf8))
        // Ed25519 (RFC 8032) is deterministic: signing again gives the same bytes.
        #expect(try Note(text: vector.text).signed(by: [signer]).bytes == note.bytes)
        let opened = try Note.open(vector.signedNote, verifiers: [NoteVerifier(vector.verifierKey)])
        #expect(opened.text == vector.text)
    }

    @Test func theVectorFileHasItsCases() {
        #expect(Self.noteCases.count == 4)
    }

    @Test(arguments: noteCases)
    func noteCase(_ vector: NoteCases.Case) throws {
        let verifier = try NoteVerifier(vector.verifierKey)
        #expect(verifier.verifierKey == vector.verifierKey)
        if vector.valid {
            let note = try Note.open(vector.note, verifiers: [verifier])
            #expect(note.text == vector.text)
            #expect(try note.verifiedSignatures(by: [verifier]).map(\.name) == [verifier.name])
            #expect(note.signedText == vector.note)
        } else {
            #expect(throws: NoteError.self) { try Note.open(vector.note, verifiers: [verifier]) }
        }
    }

    @Test func theTwoSignerNoteVerifiesWithBothKeysTogether() throws {
        let twoSigners = try #require(Self.noteCases.first { $0.note.components(separatedBy: "\u{2014} ").count == 3 })
        let verifiers = try Self.noteCases.filter { $0.note == twoSigners.note }.map { try NoteVerifier($0.verifierKey) }
        #expect(verifiers.count == 2)
        let note = try Note(parsing: twoSigners.note)
        #expect(try note.verifiedSignatures(by: verifiers).map(\.name) == ["PeterNeumann", "EnochRoot"])
    }
}
