import EventLog
import Foundation
import Testing

/// The record bytes are exactly what Schemas/record-format.md says.
@Suite("Record format")
struct RecordFormatTests {
    @Test func theDocumentedExampleEncodesByteForByte() throws {
        let id = try #require(UUID(uuidString: "f52e9bd2-24ce-4104-ae4a-1eecc6ff788c"))
        let bytes = EventRecord.encode(stream: try StreamName("case-1"),
                                       event: ProposedEvent(id: id, type: "a.B", payload: #"{"x":1}"#, metadata: "{}"),
                                       position: 5, version: 2, recordedAt: 1_764_433_421_707_402)
        let hex = "01" + "0000000000000005" + "0000000000000002" + "000644be2b54a88a"
            + "f52e9bd224ce4104ae4a1eecc6ff788c" + "0006" + "636173652d31" + "0003" + "612e42"
            + "00000002" + "7b7d" + "00000007" + "7b2278223a317d"
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == hex)
        #expect(bytes.count == 53 + 6 + 3 + 2 + 7)
        let decoded = try bytes.withUnsafeBytes { try EventRecord.decode($0, at: 5) }
        #expect(decoded.position == 5 && decoded.version == 2 && decoded.id == id && decoded.type == "a.B")
        #expect(decoded.recordedAtText == "2025-11-29T16:23:41.707402Z")
        #expect(decoded.record == bytes)
    }

    @Test func truncatedAndPaddedRecordsAreRefused() throws {
        let bytes = EventRecord.encode(stream: try StreamName("case-1"), event: ProposedEvent(type: "a.B", payload: "{}"))
        for broken in [Array(bytes.dropLast()), bytes + [0], [2] + bytes.dropFirst(), Array(bytes.prefix(30))] {
            #expect(throws: EventLogError.self) { try broken.withUnsafeBytes { try EventRecord.decode($0, at: 0) } }
        }
    }
}
