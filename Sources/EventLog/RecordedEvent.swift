import Foundation

/// An event as the log holds it: what was proposed plus where and when it was recorded.
public struct RecordedEvent: Sendable, Equatable {
    public let id: UUID
    public let stream: StreamName
    public let type: String
    /// The payload JSON, byte for byte as the appender sent it.
    public let payload: [UInt8]
    public let metadata: [UInt8]
    /// The server's clock at commit, in microseconds since 1970-01-01T00:00:00Z (UTC).
    public let recordedAt: Int64
    /// The event's version in its stream (0-based, gap-free).
    public let version: UInt64
    /// The event's position in the whole log (0-based, gap-free): also its Merkle leaf index.
    public let position: UInt64
    /// The canonical binary record (Schemas/record-format.md) that the Merkle leaf hashes.
    public let record: [UInt8]

    public var recordedDate: Date { Date(timeIntervalSince1970: Double(recordedAt) / 1_000_000) }

    /// RFC 3339 with microseconds, in UTC: `2026-11-29T16:13:16.123456Z`.
    public var recordedAtText: String { Timestamp.rfc3339(microseconds: recordedAt) }

    /// Whether this is the same event content as `proposed` in `stream` (for idempotent retries).
    func hasSameContent(as proposed: ProposedEvent, in stream: StreamName) -> Bool {
        self.stream == stream && type == proposed.type && payload == proposed.payload && metadata == proposed.metadata
    }
}
