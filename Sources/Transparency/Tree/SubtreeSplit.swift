/// How RFC 9162 splits leaf ranges: at the largest power of two smaller than the
/// size, so every range in the tree is a run of complete subtrees.
enum SubtreeSplit {
    /// The largest power of two strictly less than `size` (`size` ≥ 2).
    static func largestPowerOfTwo(below size: UInt64) -> UInt64 {
        UInt64(1) << (63 - (size - 1).leadingZeroBitCount)
    }

    /// The complete subtrees, left to right, that make up leaves `start ..< end`,
    /// where `start` is a multiple of a power of two at least `end - start` (true for
    /// every range the RFC's recursion produces, and for `0 ..< size`).
    static func completeSubtrees(from start: UInt64, to end: UInt64) -> [(level: Int, index: UInt64)] {
        var subtrees: [(level: Int, index: UInt64)] = []
        var first = start
        while first < end {
            let level = 63 - (end - first).leadingZeroBitCount
            subtrees.append((level, first >> UInt64(level)))
            first += UInt64(1) << UInt64(level)
        }
        return subtrees
    }
}
