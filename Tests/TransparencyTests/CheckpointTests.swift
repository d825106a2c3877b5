import Testing
import Transparency

@Suite("tlog-checkpoint")
struct CheckpointTests {
    static let root: Hash = try! Hash(base64: "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")

    @Test func theSpecificationsExampleRoundTrips() throws {
        let text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        let checkpoint = try Checkpoint(text: text)
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.size == 20_852_163)
        #expect(checkpoint.root == Self.root)
        #expect(checkpoint.extensionLines.isEmpty)
        #expect(checkpoint.text == text)
    }

    @Test func extensionLinesAndTheEmptyTreeRoundTrip() throws {
        let checkpoint = try Checkpoint(origin: "o", size: 0, root: emptyTreeHash, extensionLines: ["a b", "c"])
        #expect(checkpoint.text == "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\na b\nc\n")
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
        let largest = try Checkpoint(origin: "o", size: .max, root: Self.root)
        #expect(try Checkpoint(text: largest.text) == largest)
    }

    @Test(arguments: [
        ("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", CheckpointError.missingFinalNewline),
        ("o\n1\n", .tooFewLines(2)),
        ("", .missingFinalNewline),
        ("\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidOrigin),
        ("o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize("01")),
        ("o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize("+1")),
        ("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize("-1")),
        ("o\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize(" 1")),
        ("o\n18446744073709551616\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize("18446744073709551616")),
        ("o\n\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", .invalidSize("")),
        ("o\n1\nZG9uJ3QgY2FyZSAy\n", .invalidRoot("ZG9uJ3QgY2FyZSAy")),
        ("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", .invalidRoot("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I")),
        ("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", .invalidRoot("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=")),
        ("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n", .invalidExtensionLine),
        ("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nx\r\n", .invalidExtensionLine),
    ])
    func malformedTextsAreRefused(text: String, error: CheckpointError) {
        #expect(throws: error) { try Checkpoint(text: text) }
    }
}
