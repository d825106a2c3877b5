import CLMDB
import Foundation

/// An error returned by LMDB, with its code and the operation that failed.
public struct LMDBError: Error, Equatable, CustomStringConvertible, Sendable {
    public let code: Int32
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// The map (the most the file may grow to) is full; grow it and retry.
    public var isMapFull: Bool { code == MDB_MAP_FULL }
    /// Another process grew the map; adopt the new size and retry.
    public var isMapResized: Bool { code == MDB_MAP_RESIZED }
    /// The disk refused the write: full, over a size limit or quota (LMDB reports a failed page flush as EIO).
    public var isDiskFull: Bool { code == ENOSPC || code == EFBIG || code == EDQUOT || code == EIO }
    public var isNotFound: Bool { code == MDB_NOTFOUND }

    public var description: String {
        "\(operation): \(String(cString: mdb_strerror(code))) (LMDB code \(code))"
    }
}

@inline(__always)
func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws(LMDBError) {
    if rc != 0 { throw LMDBError(code: rc, operation: operation()) }
}
