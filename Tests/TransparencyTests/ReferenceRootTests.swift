import Testing
import Transparency

@Suite("Tree hashing (RFC 9162 §2.1.1)")
struct ReferenceRootTests {
    static let referenceLeaves = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ]

    static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    @Test func eightLeafReferenceRoot() throws {
        var store = InMemoryHashStore()
        var range = CompactRange()
        for leaf in Self.referenceLeaves { try store.store(range.append(leafHash(Self.bytes(hex: leaf)))) }
        let expected = try Hash(hex: "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
        #expect(range.root == expected)
        #expect(try StoredTree(size: 8, store: store).root() == expected)
    }

    @Test func emptyTreeIsHashOfNothing() throws {
        #expect(emptyTreeHash.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(CompactRange().root == emptyTreeHash)
        #expect(try StoredTree(size: 0, store: InMemoryHashStore()).root() == emptyTreeHash)
    }

    @Test func leafAndNodeHashesAreDomainSeparated() throws {
        // Leaf hash of "" is SHA-256(0x00): the vectors' single-entry root.
        #expect(leafHash([UInt8]()).base64 == "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=")
        let leaf = leafHash([1, 2])
        #expect(nodeHash(leaf, leaf) != leafHash(leaf.bytes + leaf.bytes))
    }

    @Test func hashTextRoundTrips() throws {
        let hash = leafHash(Array("civic".utf8))
        #expect(try Hash(base64: hash.base64) == hash)
        #expect(try Hash(hex: hash.hex) == hash)
        #expect(try Hash(hex: hash.hex.uppercased()) == hash)
        #expect(throws: HashError.wrongLength(12)) { try Hash(base64: "ZG9uJ3QgY2FyZSAy") }
        #expect(throws: HashError.notBase64) { try Hash(base64: String(hash.base64.dropLast())) }
        #expect(throws: HashError.notHex) { try Hash(hex: "zz") }
        #expect(throws: HashError.wrongLength(31)) { try Hash(bytes: [UInt8](repeating: 0, count: 31)) }
    }
}
