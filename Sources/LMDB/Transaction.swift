import CLMDB
import Foundation

/// What both kinds of transaction can do: look up keys and open cursors on a snapshot.
public protocol Transaction {
    var pointer: OpaquePointer { get }
}

extension Transaction {
    /// The value stored under `key`, or nil. The bytes are valid only until the transaction ends.
    public func get(_ key: some ContiguousBytes, in db: Database) throws(LMDBError) -> UnsafeRawBufferPointer? {
        var result: UnsafeRawBufferPointer?
        var failure: LMDBError?
        key.withUnsafeBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            var v = MDB_val()
            let rc = mdb_get(pointer, db.dbi, &k, &v)
            if rc == 0 {
                result = UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size)
            } else if rc != MDB_NOTFOUND {
                failure = LMDBError(code: rc, operation: "mdb_get")
            }
        }
        if let failure { throw failure }
        return result
    }

    /// The number of entries in `db` as of this snapshot.
    public func count(of db: Database) throws(LMDBError) -> Int {
        var stat = MDB_stat()
        try check(mdb_stat(pointer, db.dbi, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// A cursor over `db`, valid until the transaction ends.
    public func cursor(_ db: Database) throws(LMDBError) -> Cursor {
        try Cursor(transaction: pointer, database: db)
    }
}

/// A read-only snapshot. It never blocks the writer and never sees part of a commit.
public final class ReadTransaction: Transaction {
    public let pointer: OpaquePointer
    private var finished = false

    init(environment: Environment) throws(LMDBError) {
        var txn: OpaquePointer?
        var rc = mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &txn)
        if rc == MDB_MAP_RESIZED {
            environment.adoptGrownMap()
            rc = mdb_txn_begin(environment.handle, nil, UInt32(MDB_RDONLY), &txn)
        }
        try check(rc, "beginning a read transaction")
        pointer = txn!
    }

    func finish() {
        if !finished { mdb_txn_abort(pointer); finished = true }
    }

    deinit { finish() }
}

/// The environment's one write transaction; lives on the thread that began it.
public final class WriteTransaction: Transaction {
    public let pointer: OpaquePointer
    private var finished = false

    init(environment: Environment) throws(LMDBError) {
        var txn: OpaquePointer?
        var rc = mdb_txn_begin(environment.handle, nil, 0, &txn)
        if rc == MDB_MAP_RESIZED {
            environment.adoptGrownMap()
            rc = mdb_txn_begin(environment.handle, nil, 0, &txn)
        }
        try check(rc, "beginning the write transaction")
        pointer = txn!
    }

    public struct PutOptions: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// The key sorts after every key in the database: LMDB appends without a search.
        public static let append = PutOptions(rawValue: UInt32(MDB_APPEND))
        /// Fail with `MDB_KEYEXIST` instead of overwriting.
        public static let noOverwrite = PutOptions(rawValue: UInt32(MDB_NOOVERWRITE))
    }

    public func put(_ value: some ContiguousBytes, for key: some ContiguousBytes, in db: Database,
                    options: PutOptions = []) throws(LMDBError) {
        var rc: Int32 = 0
        key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { valueBytes in
                var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
                var v = MDB_val(mv_size: valueBytes.count, mv_data: UnsafeMutableRawPointer(mutating: valueBytes.baseAddress))
                rc = mdb_put(pointer, db.dbi, &k, &v, options.rawValue)
            }
        }
        try check(rc, "mdb_put")
    }

    /// Removes `key`; returns false when it was not there.
    @discardableResult
    public func delete(_ key: some ContiguousBytes, in db: Database) throws(LMDBError) -> Bool {
        var rc: Int32 = 0
        key.withUnsafeBytes { keyBytes in
            var k = MDB_val(mv_size: keyBytes.count, mv_data: UnsafeMutableRawPointer(mutating: keyBytes.baseAddress))
            rc = mdb_del(pointer, db.dbi, &k, nil)
        }
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "mdb_del")
        return true
    }

    /// Removes every entry of `db`.
    public func clear(_ db: Database) throws(LMDBError) {
        try check(mdb_drop(pointer, db.dbi, 0), "mdb_drop")
    }

    /// Removes `db` itself, its name included; its handle is closed when the transaction commits.
    public func drop(_ db: Database) throws(LMDBError) {
        try check(mdb_drop(pointer, db.dbi, 1), "mdb_drop")
    }

    public func commit() throws(LMDBError) {
        finished = true
        try check(mdb_txn_commit(pointer), "committing the write transaction")
    }

    public func abort() {
        if !finished { mdb_txn_abort(pointer); finished = true }
    }

    deinit { abort() }
}
