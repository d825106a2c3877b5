import LMDB
import Foundation

/// The named LMDB databases of the event log (storage layout 2), and how their keys are spelled.
///
/// | database     | key                                   | value                    |
/// |--------------|---------------------------------------|--------------------------|
/// | events       | position (u64 BE)                     | the record               |
/// | ids          | event id (16 bytes)                   | position (u64 BE)        |
/// | stream-index | stream name, 0x00, version (u64 BE)   | position (u64 BE)        |
/// | categories   | category, 0x00, position (u64 BE)     | empty                    |
/// | correlations | correlation id, 0x00, position        | empty                    |
/// | meta         | a name                                | its value                |
///
/// Names never contain 0x00 (stream names are ASCII, correlation ids are checked), so each
/// prefix ends unambiguously and a stream's versions sort together in order. A stream's current
/// version is the version in its last stream-index key (one cursor seek): layout 1 kept it in a
/// `streams` table as well, which cost every append a second random page in the commit.
struct LedgerDatabases: Sendable {
    let events, ids, streamIndex, categories, correlations, meta: Database

    static let names = ["events", "ids", "stream-index", "categories", "correlations", "meta"]

    init(environment: Environment) throws(LMDBError) {
        let dbs = try environment.openDatabases(Self.names)
        events = dbs["events"]!
        ids = dbs["ids"]!
        streamIndex = dbs["stream-index"]!
        categories = dbs["categories"]!
        correlations = dbs["correlations"]!
        meta = dbs["meta"]!
    }

    /// The stream's last version as of `txn` (it sees the writes of its own batch), nil when the
    /// stream does not exist: the last key of its stream-index entries.
    func lastVersion(of stream: StreamName, in txn: some Transaction) throws(LMDBError) -> UInt64? {
        let cursor = try txn.cursor(streamIndex)
        guard let entry = try cursor.seek(atMost: LedgerKey.streamVersion(stream, .max)),
              LedgerKey.hasPrefix(entry.key, LedgerKey.stream(stream)) else { return nil }
        return LedgerKey.trailingNumber(entry.key)
    }

    /// A counter kept in `meta` (u64 BE), 0 when absent.
    func counter(_ key: [UInt8], in txn: some Transaction) throws(LMDBError) -> UInt64 {
        try txn.get(key, in: meta).map { $0.bigEndian(at: 0, as: UInt64.self) } ?? 0
    }

    func add(_ amount: Int, to key: [UInt8], in txn: WriteTransaction) throws(LMDBError) {
        guard amount != 0 else { return }
        let old = try counter(key, in: txn)
        try txn.put([UInt8].bigEndian(old + UInt64(amount)), for: key, in: meta)
    }
}

enum LedgerKey {
    static func position(_ p: UInt64) -> [UInt8] { .bigEndian(p) }

    static func id(_ id: UUID) -> [UInt8] { withUnsafeBytes(of: id.uuid) { Array($0) } }

    static func stream(_ s: StreamName) -> [UInt8] { Array(s.rawValue.utf8) }

    static func streamVersion(_ s: StreamName, _ version: UInt64) -> [UInt8] {
        var key = Array(s.rawValue.utf8)
        key.append(0)
        key.appendBigEndian(version)
        return key
    }

    static func prefixed(_ prefix: some StringProtocol, _ position: UInt64) -> [UInt8] {
        var key = Array(prefix.utf8)
        key.append(0)
        key.appendBigEndian(position)
        return key
    }

    /// The last 8 bytes of a prefixed key: the position or version.
    static func trailingNumber(_ key: UnsafeRawBufferPointer) -> UInt64 {
        key.bigEndian(at: key.count - 8)
    }

    /// Whether `key` is `prefix` followed by 0x00 and 8 bytes.
    static func hasPrefix(_ key: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        key.count == prefix.count + 9 && key[prefix.count] == 0 && key.prefix(prefix.count).elementsEqual(prefix)
    }

    static let recordBytes = Array("record-bytes".utf8)
    /// The number of streams (u64 BE); layout 2 and later.
    static let streamCount = Array("stream-count".utf8)
    /// The storage layout (one byte); absent in ledgers of layout 1.
    static let layout = Array("layout".utf8)
    static let format = Array("format".utf8)
    static let createdAt = Array("created-at".utf8)
}
