/// The order in which a growing tree completes its hashes, used as their storage key.
///
/// Appending leaf n completes the leaf, then one parent for each trailing one bit of n: so the
/// hashes complete in a fixed order (post-order), and numbering them in that order — as Go's
/// `golang.org/x/mod/sumdb/tlog` does — makes every write an append at the end of the store:
/// full pages, no search, and a batch's hashes one contiguous range.
public enum StoredHashIndex {
    /// The number of the hash at (`level`, `index`): the hashes the first (index + 1)·2^level − 1
    /// leaves complete, then this one, which is the (level + 1)-th that the next leaf completes.
    public static func of(level: Int, index: UInt64) -> UInt64 {
        let before = ((index + 1) << UInt64(level)) - 1
        return 2 * before - UInt64(before.nonzeroBitCount) + UInt64(level)
    }

    /// How many hashes a tree of `leaves` leaves has stored: 2n − popcount(n).
    public static func count(leaves: UInt64) -> UInt64 {
        2 * leaves - UInt64(leaves.nonzeroBitCount)
    }

    /// The number of leaves of a tree that has stored `count` hashes, or nil when no tree size
    /// stores exactly that many (the store was cut in the middle of an append).
    public static func leaves(storing count: UInt64) -> UInt64? {
        // count(n) grows by 1 or more per leaf and n ≥ count/2 − 0, so a few steps from count/2 find it.
        var n = count / 2
        while Self.count(leaves: n) < count { n += 1 }
        return Self.count(leaves: n) == count ? n : nil
    }
}
