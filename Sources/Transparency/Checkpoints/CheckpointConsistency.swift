/// Proves from the stored hashes that `next` extends `previous`: the same origin, a
/// size no smaller, `next.root` the stored tree's root at `next.size`, and a consistency
/// proof (RFC 9162 §2.1.4) between the two roots that verifies. Throws otherwise; a log
/// must not sign `next` then.
public func requireConsistency<Store: HashStore>(
    from previous: Checkpoint, to next: Checkpoint, in tree: StoredTree<Store>
) throws {
    guard previous.origin == next.origin else {
        throw CheckpointConsistencyError.originChanged(previous: previous.origin, next: next.origin)
    }
    guard previous.size <= next.size else {
        throw CheckpointConsistencyError.treeShrank(previous: previous.size, next: next.size)
    }
    guard next.size <= tree.size else { throw TreeError.sizeBeyondTree(size: next.size, treeSize: tree.size) }
    guard try tree.root(size: next.size) == next.root else {
        throw CheckpointConsistencyError.rootNotInTree(size: next.size)
    }
    guard previous.size > 0 else {
        // Every tree extends the empty one; only its root can be wrong.
        guard previous.root == emptyTreeHash else { throw CheckpointConsistencyError.rootNotInTree(size: 0) }
        return
    }
    let proof = try tree.consistencyProof(from: previous.size, to: next.size)
    do {
        try verifyConsistency(size1: previous.size, size2: next.size, proof: proof, root1: previous.root, root2: next.root)
    } catch {
        throw CheckpointConsistencyError.inconsistent(error)
    }
}

/// Why a checkpoint does not extend an earlier one.
public struct CheckpointConsistencyError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case originChanged(previous: String, next: String)
        case treeShrank(previous: UInt64, next: UInt64)
        case rootNotInTree(size: UInt64)
        case inconsistent(ProofError)
    }

    private let reason: Reason

    /// The checkpoints name different logs.
    public static func originChanged(previous: String, next: String) -> Self {
        Self(reason: .originChanged(previous: previous, next: next))
    }
    /// The newer checkpoint has fewer leaves.
    public static func treeShrank(previous: UInt64, next: UInt64) -> Self {
        Self(reason: .treeShrank(previous: previous, next: next))
    }
    /// The checkpoint's root is not the stored tree's root at its size.
    public static func rootNotInTree(size: UInt64) -> Self { Self(reason: .rootNotInTree(size: size)) }
    /// The consistency proof from the stored hashes does not join the two roots.
    public static func inconsistent(_ error: ProofError) -> Self { Self(reason: .inconsistent(error)) }

    public var description: String {
        switch reason {
        case .originChanged(let previous, let next): "origin changed from \"\(previous)\" to \"\(next)\""
        case .treeShrank(let previous, let next): "the tree shrank from \(previous) to \(next) leaves"
        case .rootNotInTree(let size): "the checkpoint root is not the stored root at size \(size)"
        case .inconsistent(let error): "the checkpoints are inconsistent: \(error)"
        }
    }
}
