import Testing
import Transparency

@Suite("Signing checkpoints that only ever extend")
struct CheckpointSignerTests {
    static let origin = "ledger.example.city/events"
    static let signer: CheckpointSigner = try! CheckpointSigner(origin: origin, signer: NoteSigner.generate(name: origin))

    @Test func aSignedCheckpointOpensWithTheVerifierKey() throws {
        let grown = try GrownTree(leafCount: 10, seed: 11)
        let signed = try Self.signer.sign(grown.tree, after: nil)
        #expect(signed.signedText.hasPrefix("\(Self.origin)\n10\n\(try grown.tree.root().base64)\n\n\u{2014} \(Self.origin) "))
        let opened = try SignedCheckpoint(opening: signed.signedText, verifiers: [Self.signer.signer.verifier])
        #expect(opened.checkpoint == signed.checkpoint)
    }

    @Test func eachNewCheckpointIsProvedToExtendThePrevious() throws {
        var grown = try GrownTree(leafCount: 0, seed: 12)
        var previous: Checkpoint? = nil
        for batch in 0..<20 {
            for record in 0..<(batch * 3 % 7) { try grown.append([UInt8(batch), UInt8(record)]) }
            previous = try Self.signer.sign(grown.tree, after: previous).checkpoint
        }
        #expect(previous?.size == UInt64(grown.leaves.count))
    }

    @Test func aRewrittenHistoryIsNotSigned() throws {
        let original = try GrownTree(leafCount: 40, seed: 13)
        let earlier = try Self.signer.sign(StoredTree(size: 25, store: original.store), after: nil).checkpoint
        var rewritten = try GrownTree(leafCount: 0, seed: 13)
        for index in 0..<45 { try rewritten.append(index == 7 ? [0xEE] : [UInt8(index)]) }
        #expect(throws: CheckpointConsistencyError.inconsistent(.firstRootMismatch)) {
            try Self.signer.sign(rewritten.tree, after: earlier)
        }
    }

    @Test func theGuardNamesWhatIsWrong() throws {
        let grown = try GrownTree(leafCount: 30, seed: 14)
        let tree = grown.tree
        let at20 = try Checkpoint(origin: Self.origin, size: 20, root: tree.root(size: 20))
        let at30 = try Checkpoint(origin: Self.origin, size: 30, root: tree.root())
        try requireConsistency(from: at20, to: at30, in: tree)
        try requireConsistency(from: at30, to: at30, in: tree)
        #expect(throws: CheckpointConsistencyError.treeShrank(previous: 30, next: 20)) {
            try requireConsistency(from: at30, to: at20, in: tree)
        }
        let elsewhere = try Checkpoint(origin: "other", size: 30, root: tree.root())
        #expect(throws: CheckpointConsistencyError.originChanged(previous: Self.origin, next: "other")) {
            try requireConsistency(from: at20, to: elsewhere, in: tree)
        }
        let wrongRoot = try Checkpoint(origin: Self.origin, size: 30, root: tree.root(size: 29))
        #expect(throws: CheckpointConsistencyError.rootNotInTree(size: 30)) {
            try requireConsistency(from: at20, to: wrongRoot, in: tree)
        }
        let forkedAt20 = try Checkpoint(origin: Self.origin, size: 20, root: tree.root(size: 19))
        #expect(throws: CheckpointConsistencyError.inconsistent(.firstRootMismatch)) {
            try requireConsistency(from: forkedAt20, to: at30, in: tree)
        }
        let empty = try Checkpoint(origin: Self.origin, size: 0, root: emptyTreeHash)
        try requireConsistency(from: empty, to: at30, in: tree)
        #expect(throws: CheckpointError.invalidOrigin) { try CheckpointSigner(origin: "", signer: Self.signer.signer) }
    }
}
