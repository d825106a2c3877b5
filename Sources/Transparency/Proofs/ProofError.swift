/// Why an inclusion or consistency proof was refused.
public struct ProofError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case indexBeyondSize(index: UInt64, size: UInt64)
        case wrongProofLength(got: Int, want: Int)
        case rootMismatch
        case firstRootMismatch
        case secondRootMismatch
        case firstSizeBeyondSecond(size1: UInt64, size2: UInt64)
        case emptyFirstTree
        case proofForEqualSizes(count: Int)
        case malformedHash(field: String, byteCount: Int)
    }

    private let reason: Reason

    /// The leaf index is not below the tree size.
    public static func indexBeyondSize(index: UInt64, size: UInt64) -> Self {
        Self(reason: .indexBeyondSize(index: index, size: size))
    }
    /// The proof has `got` hashes where the sizes call for `want`.
    public static func wrongProofLength(got: Int, want: Int) -> Self {
        Self(reason: .wrongProofLength(got: got, want: want))
    }
    /// The inclusion proof leads to a different root.
    public static var rootMismatch: Self { Self(reason: .rootMismatch) }
    /// The consistency proof does not lead to the first (older) root.
    public static var firstRootMismatch: Self { Self(reason: .firstRootMismatch) }
    /// The consistency proof does not lead to the second (newer) root; for equal sizes,
    /// the two roots differ.
    public static var secondRootMismatch: Self { Self(reason: .secondRootMismatch) }
    /// The first size is larger than the second: a log cannot shrink.
    public static func firstSizeBeyondSecond(size1: UInt64, size2: UInt64) -> Self {
        Self(reason: .firstSizeBeyondSecond(size1: size1, size2: size2))
    }
    /// The first tree is empty: every tree extends it, so there is nothing to prove.
    public static var emptyFirstTree: Self { Self(reason: .emptyFirstTree) }
    /// The sizes are equal, so the proof must be empty, but it has `count` hashes.
    public static func proofForEqualSizes(count: Int) -> Self { Self(reason: .proofForEqualSizes(count: count)) }
    /// A hash received as bytes (`field`, such as `proof[2]` or `root`) is not 32 bytes long.
    public static func malformedHash(field: String, byteCount: Int) -> Self {
        Self(reason: .malformedHash(field: field, byteCount: byteCount))
    }

    public var description: String {
        switch reason {
        case .indexBeyondSize(let index, let size): "leaf index \(index) is beyond tree size \(size)"
        case .wrongProofLength(let got, let want): "the proof has \(got) hashes, want \(want)"
        case .rootMismatch: "the inclusion proof does not lead to the root"
        case .firstRootMismatch: "the consistency proof does not lead to the first root"
        case .secondRootMismatch: "the consistency proof does not lead to the second root"
        case .firstSizeBeyondSecond(let size1, let size2): "size1 \(size1) is larger than size2 \(size2)"
        case .emptyFirstTree: "a consistency proof from size 0 proves nothing"
        case .proofForEqualSizes(let count): "the sizes are equal but the proof has \(count) hashes"
        case .malformedHash(let field, let byteCount): "\(field) has \(byteCount) bytes, not 32"
        }
    }
}
