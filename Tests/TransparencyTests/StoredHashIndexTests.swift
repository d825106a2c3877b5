import Testing
import Transparency

/// The storage order of the tree's hashes is the order appends complete them.
@Suite struct StoredHashIndexTests {
    @Test func numbersFollowTheOrderOfCompletion() {
        var range = CompactRange()
        var completed: [StoredHash] = []
        for leaf in 0..<1_000 {
            completed += range.append(leafHash([UInt8(leaf & 0xFF)]))
            #expect(StoredHashIndex.count(leaves: UInt64(leaf + 1)) == UInt64(completed.count))
        }
        for (number, stored) in completed.enumerated() {
            #expect(StoredHashIndex.of(level: stored.level, index: stored.index) == UInt64(number), "level \(stored.level) index \(stored.index)")
        }
    }

    @Test func aCountGivesBackItsTreeSizeAndNothingElseDoes() {
        var counts: Set<UInt64> = []
        for leaves in UInt64(0)...2_000 {
            let count = StoredHashIndex.count(leaves: leaves)
            counts.insert(count)
            #expect(StoredHashIndex.leaves(storing: count) == leaves)
        }
        // A store cut in the middle of an append (some of a leaf's parents missing) is no tree size.
        for count in UInt64(0)...3_000 where !counts.contains(count) {
            #expect(StoredHashIndex.leaves(storing: count) == nil, "\(count)")
        }
        // By hand: leaf 0, leaf 1, their parent; leaves 2 and 3, their parent, the root of four; ...
        #expect(StoredHashIndex.of(level: 0, index: 0) == 0)
        #expect(StoredHashIndex.of(level: 0, index: 1) == 1)
        #expect(StoredHashIndex.of(level: 1, index: 0) == 2)
        #expect(StoredHashIndex.of(level: 2, index: 0) == 6)
        #expect(StoredHashIndex.of(level: 3, index: 0) == 14)
    }
}
