import Foundation
import LMDB

/// Reads the verifiable log for auditors: the latest signed checkpoint, inclusion and
/// consistency proofs, tiles. Works in the writing process and beside it (read-only).
public struct LogProofs: Sendable {
    let environment: Environment
    let dbs: TreeDatabases

    public init(environment: Environment) throws {
        self.environment = environment
        dbs = try TreeDatabases(environment: environment)
    }

    /// The number of leaves the tree holds.
    public func treeSize() throws -> UInt64 {
        try environment.read { txn in try LMDBHashStore(txn: txn, db: dbs.hashes).leafCount() }
    }

    /// The latest signed checkpoint's note, exactly as stored and served.
    public func latestCheckpoint() throws -> String {
        guard let text = try environment.read({ txn in try CheckpointStore(txn: txn, db: dbs.checkpoints).latestText() }) else {
            throw TransparencyLogError.noCheckpoint
        }
        return text
    }

    /// Every checkpoint the log signed, with its tree size.
    public func checkpoints() throws -> [(size: UInt64, text: String)] {
        try environment.read { txn in try CheckpointStore(txn: txn, db: dbs.checkpoints).all() }
    }

    /// The size of the latest signed checkpoint: what proofs default to.
    public func checkpointSize() throws -> UInt64 {
        try Checkpoint(text: String(latestCheckpoint().split(separator: "\n\n", maxSplits: 1)[0]) + "\n").size
    }

    /// The leaf hash of the event at `position`.
    public func leafHash(at position: UInt64) throws -> Hash {
        try environment.read { txn in try LMDBHashStore(txn: txn, db: dbs.hashes).hash(level: 0, index: position) }
    }

    /// The leaf hashes of the events at `positions`, read in one snapshot of the tree.
    public func leafHashes(at positions: [UInt64]) throws -> [Hash] {
        try environment.read { txn in
            let store = LMDBHashStore(txn: txn, db: dbs.hashes)
            return try positions.map { try store.hash(level: 0, index: $0) }
        }
    }

    /// Proves the event at `position` is in the tree of `size` leaves (default: the latest checkpoint's).
    public func inclusionProof(position: UInt64, size: UInt64? = nil) throws -> InclusionProof {
        let size = try size ?? checkpointSize()
        return try environment.read { txn in
            let store = LMDBHashStore(txn: txn, db: dbs.hashes)
            let treeSize = try store.leafCount()
            guard size <= treeSize else { throw TransparencyLogError.sizeBeyondTree(size: size, treeSize: treeSize) }
            guard position < size else { throw TransparencyLogError.positionBeyondTree(position: position, size: size) }
            let hashes = try StoredTree(size: treeSize, store: store).inclusionProof(index: position, size: size)
            return InclusionProof(leafIndex: position, treeSize: size, hashes: hashes.map(\.base64))
        }
    }

    /// Proves the tree of `to` leaves (default: the latest checkpoint's) extends the tree of `from`.
    public func consistencyProof(from: UInt64, to: UInt64? = nil) throws -> ConsistencyProof {
        let to = try to ?? checkpointSize()
        return try environment.read { txn in
            let store = LMDBHashStore(txn: txn, db: dbs.hashes)
            let treeSize = try store.leafCount()
            guard to <= treeSize else { throw TransparencyLogError.sizeBeyondTree(size: to, treeSize: treeSize) }
            let hashes = try StoredTree(size: treeSize, store: store).consistencyProof(from: from, to: to)
            return ConsistencyProof(from: from, to: to, hashes: hashes.map(\.base64))
        }
    }

    /// The root of the tree of `size` leaves.
    public func root(size: UInt64) throws -> Hash {
        try environment.read { txn in
            let store = LMDBHashStore(txn: txn, db: dbs.hashes)
            return try StoredTree(size: try store.leafCount(), store: store).root(size: size)
        }
    }

    /// The bytes of a tile, from its path (`tile/0/x001/234` or `tile/1/005.p/17`).
    public func tile(path: String) throws -> [UInt8] {
        let tile = try Tile(path: path)
        return try environment.read { txn in
            let store = LMDBHashStore(txn: txn, db: dbs.hashes)
            return try StoredTree(size: try store.leafCount(), store: store).tileData(tile)
        }
    }
}

/// `{"leafIndex", "treeSize", "hashes": [base64, ...]}`, RFC 9162 order.
public struct InclusionProof: Codable, Sendable, Equatable {
    public let leafIndex: UInt64
    public let treeSize: UInt64
    public let hashes: [String]
}

/// `{"from", "to", "hashes": [base64, ...]}`, RFC 9162 order.
public struct ConsistencyProof: Codable, Sendable, Equatable {
    public let from: UInt64
    public let to: UInt64
    public let hashes: [String]
}
