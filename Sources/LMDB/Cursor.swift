import CLMDB
import Foundation

/// A position in a database's key order. Keys and values it returns are valid only until the
/// transaction ends or the cursor moves on.
public final class Cursor {
    public typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)
    private let handle: OpaquePointer

    init(transaction: OpaquePointer, database: Database) throws(LMDBError) {
        var cursor: OpaquePointer?
        try check(mdb_cursor_open(transaction, database.dbi, &cursor), "mdb_cursor_open")
        handle = cursor!
    }

    deinit { mdb_cursor_close(handle) }

    private func move(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer? = nil) throws(LMDBError) -> Entry? {
        var k = MDB_val(mv_size: key?.count ?? 0, mv_data: UnsafeMutableRawPointer(mutating: key?.baseAddress))
        var v = MDB_val()
        let rc = mdb_cursor_get(handle, &k, &v, op)
        if rc == MDB_NOTFOUND { return nil }
        try check(rc, "mdb_cursor_get")
        return (UnsafeRawBufferPointer(start: k.mv_data, count: k.mv_size),
                UnsafeRawBufferPointer(start: v.mv_data, count: v.mv_size))
    }

    public func first() throws(LMDBError) -> Entry? { try move(MDB_FIRST) }
    public func last() throws(LMDBError) -> Entry? { try move(MDB_LAST) }
    public func next() throws(LMDBError) -> Entry? { try move(MDB_NEXT) }
    public func previous() throws(LMDBError) -> Entry? { try move(MDB_PREV) }

    /// The first entry whose key is ≥ `key`.
    public func seek(atLeast key: some ContiguousBytes) throws(LMDBError) -> Entry? {
        var result: Entry?
        var failure: LMDBError?
        key.withUnsafeBytes { bytes in
            do throws(LMDBError) { result = try move(MDB_SET_RANGE, key: bytes) } catch { failure = error }
        }
        if let failure { throw failure }
        return result
    }

    /// The last entry whose key is ≤ `key`.
    public func seek(atMost key: some ContiguousBytes) throws(LMDBError) -> Entry? {
        let bytes = key.withUnsafeBytes { Array($0) }
        if let entry = try seek(atLeast: bytes) {
            if entry.key.elementsEqual(bytes) { return entry }
            return try previous()
        }
        return try last()
    }
}
