import LMDB
import Foundation

/// The named LMDB databases of the event log, and how their keys are spelled.
///
/// | database     | key                                   | value                    |
/// |--------------|---------------------------------------|--------------------------|
/// | events       | position (u64 BE)                     | the record               |
/// | ids          | event id (16 bytes)                   | position (u64 BE)        |
/// | streams      | stream name                           | last version (u64 BE)    |
/// | stream-index | stream name, 0x00, version (u64 BE)   | position (u64 BE)        |
/// | categories   | category, 0x00, position (u64 BE)     | empty                    |
/// | correlations | correlation id, 0x00, position        | empty                    |
/// | meta         | a name                                | its value                |
///
/// Names never contain 0x00 (stream names are ASCII, correlation ids are checked), so each
/// prefix ends unambiguously and a stream's versions sort together in order.
struct LedgerDatabases: Sendable {
    let events, ids, streams, streamIndex, categories, correlations, meta: Database

    static let names = ["events", "ids", "streams", "stream-index", "categories", "correlations", "meta"]

    init(environment: Environment) throws(LMDBError) {
        let dbs = try environment.openDatabases(Self.names)
        events = dbs["events"]!
        ids = dbs["ids"]!
        streams = dbs["streams"]!
        streamIndex = dbs["stream-index"]!
        categories = dbs["categories"]!
        correlations = dbs["correlations"]!
        meta = dbs["meta"]!
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
    static let format = Array("format".utf8)
    static let createdAt = Array("created-at".utf8)
}
