import Foundation

/// The canonical binary record of one event: the bytes the log stores and the Merkle tree hashes.
///
/// Layout (format version 1, every integer big-endian; see Schemas/record-format.md):
/// ```
/// offset size  field
///  0      1    format version (1)
///  1      8    global position
///  9      8    stream version
/// 17      8    recorded-at, microseconds since 1970-01-01T00:00:00Z (signed)
/// 25     16    event id (UUID bytes)
/// 41      2    stream name length S, then S bytes (ASCII)
///  …      2    type length T, then T bytes (UTF-8)
///  …      4    metadata length M, then M bytes (JSON object, UTF-8)
///  …      4    payload length P, then P bytes (JSON, exactly as sent)
/// ```
/// Nothing follows the payload. The position is inside the record, so a record moved to another
/// position no longer hashes to its leaf.
public enum EventRecord {
    public static let formatVersion: UInt8 = 1
    static let positionOffset = 1
    static let versionOffset = 9
    static let recordedAtOffset = 17
    static let headerSize = 41

    /// The record's size for these fields, before it is built (to enforce the size limit early).
    public static func size(stream: StreamName, event: ProposedEvent) -> Int {
        headerSize + 2 + stream.rawValue.utf8.count + 2 + event.type.utf8.count
            + 4 + event.metadata.count + 4 + event.payload.count
    }

    /// Encodes a record; the position, version and time can be stamped later by `stamp`.
    public static func encode(stream: StreamName, event: ProposedEvent, position: UInt64 = 0,
                              version: UInt64 = 0, recordedAt: Int64 = 0) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(size(stream: stream, event: event))
        bytes.append(formatVersion)
        bytes.appendBigEndian(position)
        bytes.appendBigEndian(version)
        bytes.appendBigEndian(UInt64(bitPattern: recordedAt))
        withUnsafeBytes(of: event.id.uuid) { bytes.append(contentsOf: $0) }
        bytes.appendBigEndian(UInt16(stream.rawValue.utf8.count))
        bytes.append(contentsOf: stream.rawValue.utf8)
        bytes.appendBigEndian(UInt16(event.type.utf8.count))
        bytes.append(contentsOf: event.type.utf8)
        bytes.appendBigEndian(UInt32(event.metadata.count))
        bytes.append(contentsOf: event.metadata)
        bytes.appendBigEndian(UInt32(event.payload.count))
        bytes.append(contentsOf: event.payload)
        return bytes
    }

    /// Writes the fields the writer decides into an encoded record.
    static func stamp(_ record: inout [UInt8], position: UInt64, version: UInt64, recordedAt: Int64) {
        record.storeBigEndian(position, at: positionOffset)
        record.storeBigEndian(version, at: versionOffset)
        record.storeBigEndian(UInt64(bitPattern: recordedAt), at: recordedAtOffset)
    }

    /// Decodes a record, checking every length; `position` is where it was found (for errors).
    public static func decode(_ bytes: UnsafeRawBufferPointer, at position: UInt64) throws(EventLogError) -> RecordedEvent {
        let fields = try fields(of: bytes, at: position)
        let header = fields.header
        return RecordedEvent(
            id: header.id, stream: header.stream, type: header.type,
            payload: Array(bytes[fields.payload]), metadata: Array(bytes[fields.metadata]), recordedAt: header.recordedAt,
            version: header.version, position: header.position, record: Array(bytes))
    }

    /// Decodes a record's header, checking every length and refusing every record `decode` refuses,
    /// but leaving its metadata and payload where they are (for readers that never look at them).
    public static func decodeHeader(_ bytes: UnsafeRawBufferPointer, at position: UInt64) throws(EventLogError) -> EventHeader {
        try fields(of: bytes, at: position).header
    }

    /// The header and where metadata and payload lie, after every check.
    private static func fields(of bytes: UnsafeRawBufferPointer, at position: UInt64) throws(EventLogError)
        -> (header: EventHeader, metadata: Range<Int>, payload: Range<Int>) {
        var reader = ByteReader(bytes: bytes, position: position)
        let format = try reader.u8()
        guard format == formatVersion else {
            throw .corruptRecord(position: position, reason: "unknown record format version \(format)")
        }
        let recordPosition = try reader.u64()
        let version = try reader.u64()
        let recordedAt = Int64(bitPattern: try reader.u64())
        let idRange = try reader.skip(16)
        let id = UUID(uuid: bytes.loadUnaligned(fromByteOffset: idRange.lowerBound, as: uuid_t.self))
        let streamRange = try reader.skip(Int(try reader.u16()))
        let typeRange = try reader.skip(Int(try reader.u16()))
        let metadata = try reader.skip(Int(try reader.u32()))
        let payload = try reader.skip(Int(try reader.u32()))
        guard reader.isAtEnd else {
            throw .corruptRecord(position: position, reason: "\(reader.remaining) unexpected bytes after the payload")
        }
        guard let stream = try? StreamName(String(decoding: bytes[streamRange], as: UTF8.self)) else {
            throw .corruptRecord(position: position, reason: "the stream name is not a valid stream name")
        }
        let header = EventHeader(position: recordPosition, version: version, recordedAt: recordedAt, id: id, stream: stream,
                                 type: String(decoding: bytes[typeRange], as: UTF8.self))
        return (header, metadata, payload)
    }
}

/// What a record says about its event apart from metadata and payload: enough for a reader that
/// counts or indexes events, decoded without copying the rest of the record.
public struct EventHeader: Sendable, Equatable {
    /// The event's position in the whole log.
    public let position: UInt64
    /// The event's version in its stream.
    public let version: UInt64
    /// The server's clock at commit, in microseconds since 1970-01-01T00:00:00Z (UTC).
    public let recordedAt: Int64
    public let id: UUID
    public let stream: StreamName
    public let type: String

    public init(position: UInt64, version: UInt64, recordedAt: Int64, id: UUID, stream: StreamName, type: String) {
        self.position = position
        self.version = version
        self.recordedAt = recordedAt
        self.id = id
        self.stream = stream
        self.type = type
    }

    /// The header of an event already decoded.
    public init(_ event: RecordedEvent) {
        self.init(position: event.position, version: event.version, recordedAt: event.recordedAt, id: event.id,
                  stream: event.stream, type: event.type)
    }
}

/// Reads fields off a record, refusing to run past its end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    let position: UInt64
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    /// Passes over the next `n` bytes and says where they lie.
    @inline(__always)
    mutating func skip(_ n: Int) throws(EventLogError) -> Range<Int> {
        guard n <= remaining else {
            throw .corruptRecord(position: position, reason: "a field of \(n) bytes runs past the record's end at offset \(offset)")
        }
        defer { offset += n }
        return offset..<offset + n
    }

    @inline(__always) mutating func u8() throws(EventLogError) -> UInt8 { try integer() }
    @inline(__always) mutating func u16() throws(EventLogError) -> UInt16 { try integer() }
    @inline(__always) mutating func u32() throws(EventLogError) -> UInt32 { try integer() }
    @inline(__always) mutating func u64() throws(EventLogError) -> UInt64 { try integer() }

    @inline(__always)
    private mutating func integer<T: FixedWidthInteger>() throws(EventLogError) -> T {
        let n = MemoryLayout<T>.size
        guard n <= remaining else {
            throw .corruptRecord(position: position, reason: "the record ends inside a \(n)-byte field at offset \(offset)")
        }
        defer { offset += n }
        return T(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
