import EventLog
import Foundation
import LMDB
import Synchronization

/// The verifiable log kept beside the events: every record is a leaf at its position, the
/// tree's hashes and a signed checkpoint are stored in the same transaction as each batch.
///
/// Nothing here can disagree with the log after a crash: a batch and its hashes commit or
/// abort together. Before signing, the signer proves from the stored hashes that the new
/// checkpoint extends the last one, so the log never signs two inconsistent checkpoints.
public final class MerkleLog: BatchObserver, @unchecked Sendable {
    public let signer: CheckpointSigner
    private let databases = Mutex<TreeDatabases?>(nil)
    /// The frontier after the last batch this object saw; rebuilt from the store when the
    /// batch it follows was aborted (its size then differs from the next batch's start).
    private let frontier = Mutex<CompactRange?>(nil)
    /// The checkpoint this object signed last, with its exact note text: when the store's latest
    /// note is still that text, its signature need not be checked again in every batch.
    private let lastSigned = Mutex<SignedCheckpoint?>(nil)

    public init(signer: NoteSigner) throws {
        self.signer = try CheckpointSigner(origin: signer.name, signer: signer)
    }

    public func prepare(_ environment: Environment) throws {
        let opened = try TreeDatabases(environment: environment)
        if !environment.isReadOnly { try opened.moveLevelMajorHashes(in: environment) }
        databases.withLock { $0 = opened }
    }

    public func observedSize(in txn: ReadTransaction) throws -> UInt64? {
        try LMDBHashStore(txn: txn, db: dbs().hashes).leafCount()
    }

    public func recordsAppended(_ records: [(position: UInt64, record: [UInt8])], in txn: WriteTransaction) throws {
        guard let first = records.first else { return }
        let dbs = try dbs()
        let store = LMDBHashStore(txn: txn, db: dbs.hashes)
        var range: CompactRange
        if let cached = frontier.withLock({ $0 }), cached.size == first.position {
            range = cached
        } else {
            let stored = try store.leafCount()
            guard stored == first.position else {
                throw EventLogError.storage("the Merkle tree holds \(stored) leaves but the batch starts at position \(first.position)")
            }
            range = try CompactRange(size: stored, store: store)
        }
        // The batch's new hashes (about two per record) are written together.
        var completed: [StoredHash] = []
        completed.reserveCapacity(records.count * 2 + 64)
        for (position, record) in records {
            precondition(position == range.size, "records reach the tree in position order")
            completed += range.append(leafHash(record))
        }
        try store.store(completed)
        let checkpoints = CheckpointStore(txn: txn, db: dbs.checkpoints)
        // A stored note that is not byte for byte the one signed here (another process, a
        // replaced file) is opened and its signature checked, as at the first batch.
        let remembered = lastSigned.withLock { $0 }
        let previous = try remembered.flatMap { known in try checkpoints.latestText() == known.signedText ? known : nil }
            ?? checkpoints.latest(verifier: signer.signer.verifier)
        let signed = try signer.sign(StoredTree(size: range.size, store: store), after: previous?.checkpoint)
        try txn.put(Array(signed.signedText.utf8), for: CheckpointStore<WriteTransaction>.key(range.size), in: dbs.checkpoints)
        frontier.withLock { $0 = range }
        lastSigned.withLock { $0 = signed }
    }

    private func dbs() throws -> TreeDatabases {
        guard let dbs = databases.withLock({ $0 }) else { throw EventLogError.storage("the Merkle log was not prepared") }
        return dbs
    }
}

/// The two databases of the verifiable log inside the ledger's LMDB environment: `merkle-tree`
/// (hashes by `StoredHashIndex`) and `checkpoints`.
struct TreeDatabases: Sendable {
    let hashes: Database
    let checkpoints: Database

    static let names = ["merkle-tree", "checkpoints"]
    /// Before 2026-11-30 the hashes were keyed by (level, index), 9 bytes, in `merkle-hashes`.
    static let levelMajorName = "merkle-hashes"

    init(environment: Environment) throws {
        if environment.isReadOnly, !(try environment.databaseExists("merkle-tree")), try environment.databaseExists(Self.levelMajorName) {
            throw EventLogError.storage("this ledger keeps its Merkle tree in the earlier layout (merkle-hashes); open it once for writing (civic-ledger serve, append or import) to move it to merkle-tree, then read it")
        }
        let dbs = try environment.openDatabases(Self.names)
        hashes = dbs["merkle-tree"]!
        checkpoints = dbs["checkpoints"]!
    }

    /// Moves the hashes of the earlier layout, if any, into `merkle-tree` under their new keys and
    /// removes `merkle-hashes`, in one transaction: the ledger has one layout or the other.
    func moveLevelMajorHashes(in environment: Environment) throws {
        guard try environment.databaseExists(Self.levelMajorName) else { return }
        let old = try environment.openDatabases([Self.levelMajorName])[Self.levelMajorName]!
        try environment.write { txn in
            let cursor = try txn.cursor(old)
            var entry = try cursor.first()
            while let e = entry {
                guard e.key.count == 9 else { throw EventLogError.storage("merkle-hashes holds a key of \(e.key.count) bytes, not (level, index)") }
                let number = StoredHashIndex.of(level: Int(e.key[0]), index: e.key.bigEndian(at: 1))
                try txn.put(Array(e.value), for: withUnsafeBytes(of: number.bigEndian) { Array($0) }, in: hashes)
                entry = try cursor.next()
            }
            try txn.drop(old)
        }
    }
}
