import CLMDB
import Foundation

/// A named database (a B-tree) inside an environment. The handle stays valid while the
/// environment is open and is shared by every transaction.
public struct Database: Sendable, Hashable {
    let dbi: MDB_dbi
}

extension Environment {
    /// Opens (and, unless the environment is read-only, creates) the named databases.
    /// In a read-only environment a database that does not exist yet is an error.
    public func openDatabases(_ names: [String]) throws(LMDBError) -> [String: Database] {
        var txn: OpaquePointer?
        let flags: UInt32 = isReadOnly ? UInt32(MDB_RDONLY) : 0
        try check(mdb_txn_begin(handle, nil, flags, &txn), "beginning a transaction to open databases")
        var result: [String: Database] = [:]
        for name in names {
            var dbi: MDB_dbi = 0
            let rc = mdb_dbi_open(txn, name, isReadOnly ? 0 : UInt32(MDB_CREATE), &dbi)
            if rc != 0 {
                mdb_txn_abort(txn)
                throw LMDBError(code: rc, operation: "opening database '\(name)'")
            }
            result[name] = Database(dbi: dbi)
        }
        // Committing (even a read-only transaction) is what keeps the handles open afterwards.
        try check(mdb_txn_commit(txn), "committing the opened databases")
        return result
    }

    /// Whether the named database exists, without creating it.
    public func databaseExists(_ name: String) throws(LMDBError) -> Bool {
        var txn: OpaquePointer?
        try check(mdb_txn_begin(handle, nil, UInt32(MDB_RDONLY), &txn), "beginning a transaction to look for a database")
        defer { mdb_txn_abort(txn) }
        var dbi: MDB_dbi = 0
        let rc = mdb_dbi_open(txn, name, 0, &dbi)
        if rc == MDB_NOTFOUND { return false }
        try check(rc, "looking for database '\(name)'")
        return true
    }
}
