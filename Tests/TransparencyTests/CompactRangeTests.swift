import Testing
import Transparency

@Suite("Compact range and stored hashes")
struct CompactRangeTests {
    @Test func appendReturnsEveryNewlyCompleteSubtree() throws {
        var range = CompactRange()
        #expect(range.append(leafHash([0])).map { [$0.level, Int($0.index)] } == [[0, 0]])
        #expect(range.append(leafHash([1])).map { [$0.level, Int($0.index)] } == [[0, 1], [1, 0]])
        #expect(range.append(leafHash([2])).map { [$0.level, Int($0.index)] } == [[0, 2]])
        #expect(range.append(leafHash([3])).map { [$0.level, Int($0.index)] } == [[0, 3], [1, 1], [2, 0]])
        #expect(range.size == 4)
        #expect(range.hashes.count == 1)
    }

    @Test func everyStoredHashIsTheSubtreeRoot() throws {
        let grown = try GrownTree(leafCount: 77, seed: 1)
        for level in 0..<7 {
            let width = 1 << level
            for index in 0..<(77 / width) {
                let expected = ReferenceTree.root(grown.leaves[(index * width)..<((index + 1) * width)])
                #expect(try grown.store.hash(level: level, index: UInt64(index)) == expected)
            }
            #expect(throws: TreeError.missingHash(level: level, index: UInt64(77 / width))) {
                try grown.store.hash(level: level, index: UInt64(77 / width))
            }
        }
    }

    @Test func rangeReadFromStoreEqualsRangeGrownInMemory() throws {
        var grown = try GrownTree(leafCount: 0, seed: 2)
        for size in 1...130 {
            try grown.append([UInt8(size & 0xFF), 7])
            let read = try CompactRange(size: UInt64(size), store: grown.store)
            #expect(read == grown.range)
            #expect(read.root == ReferenceTree.root(grown.leaves[...]))
        }
    }

    @Test func appendingContinuesFromARangeReadBack() throws {
        var grown = try GrownTree(leafCount: 45, seed: 3)
        var resumed = try CompactRange(size: 45, store: grown.store)
        let next = leafHash([9, 9])
        let fresh = resumed.append(next)
        try grown.append([9, 9])
        #expect(resumed == grown.range)
        #expect(fresh.count == 2)  // 45 = 0b101101: one closed subtree
    }

    @Test func outOfOrderWritesAreRefused() throws {
        var store = InMemoryHashStore()
        #expect(throws: TreeError.hashOutOfOrder(level: 0, index: 1, expected: 0)) {
            try store.store([StoredHash(level: 0, index: 1, hash: emptyTreeHash)])
        }
    }
}
