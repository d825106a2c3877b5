/// Why a root, proof or tile cannot be produced from a tree's stored hashes.
public struct TreeError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case missingHash(level: Int, index: UInt64)
        case sizeBeyondTree(size: UInt64, treeSize: UInt64)
        case indexBeyondSize(index: UInt64, size: UInt64)
        case firstSizeBeyondSecond(size1: UInt64, size2: UInt64)
        case emptyFirstTree
        case hashOutOfOrder(level: Int, index: UInt64, expected: UInt64)
        case missingStoredHash(UInt64)
    }

    private let reason: Reason

    /// The store holds no hash at (`level`, `index`).
    public static func missingHash(level: Int, index: UInt64) -> Self {
        Self(reason: .missingHash(level: level, index: index))
    }
    /// A size larger than the tree was asked for.
    public static func sizeBeyondTree(size: UInt64, treeSize: UInt64) -> Self {
        Self(reason: .sizeBeyondTree(size: size, treeSize: treeSize))
    }
    /// An inclusion proof was asked for a leaf that is not in a tree of that size.
    public static func indexBeyondSize(index: UInt64, size: UInt64) -> Self {
        Self(reason: .indexBeyondSize(index: index, size: size))
    }
    /// A consistency proof was asked from a larger tree to a smaller one.
    public static func firstSizeBeyondSecond(size1: UInt64, size2: UInt64) -> Self {
        Self(reason: .firstSizeBeyondSecond(size1: size1, size2: size2))
    }
    /// A consistency proof was asked from the empty tree, which RFC 9162 does not define.
    public static var emptyFirstTree: Self { Self(reason: .emptyFirstTree) }
    /// A hash was written out of order into a store that only appends.
    public static func hashOutOfOrder(level: Int, index: UInt64, expected: UInt64) -> Self {
        Self(reason: .hashOutOfOrder(level: level, index: index, expected: expected))
    }

    /// The store's hashes, kept in the order the tree completed them, stop or skip before number `number`.
    public static func missingStoredHash(_ number: UInt64) -> Self { Self(reason: .missingStoredHash(number)) }

    public var description: String {
        switch reason {
        case .missingHash(let level, let index): "no stored hash at level \(level), index \(index)"
        case .sizeBeyondTree(let size, let treeSize): "size \(size) is beyond the tree of size \(treeSize)"
        case .indexBeyondSize(let index, let size): "leaf \(index) is not in a tree of size \(size)"
        case .firstSizeBeyondSecond(let size1, let size2): "size \(size1) is larger than size \(size2)"
        case .emptyFirstTree: "a consistency proof from the empty tree is not defined"
        case .hashOutOfOrder(let level, let index, let expected):
            "hash at level \(level), index \(index) written before index \(expected)"
        case .missingStoredHash(let number): "the stored tree hashes end or skip before hash number \(number) in completion order"
        }
    }
}
