import EventLog
import Foundation
import Testing

/// `EventRecord.decodeHeader` and `readHeaders`: the fields of the full decoder, the same
/// refusals, the same pages as `readAll`, without copying metadata or payload.
@Suite("Record headers")
struct RecordHeaderTests {
    static func record(stream: String = "case-1", type: String = "a.B", payload: String = #"{"x":1}"#) throws -> [UInt8] {
        let id = try #require(UUID(uuidString: "f52e9bd2-24ce-4104-ae4a-1eecc6ff788c"))
        return EventRecord.encode(stream: try StreamName(stream), event: ProposedEvent(id: id, type: type, payload: payload, metadata: "{}"),
                                  position: 5, version: 2, recordedAt: 1_764_433_421_707_402)
    }

    static func outcome<T>(_ decode: () throws(EventLogError) -> T) -> Result<T, EventLogError> {
        do { return .success(try decode()) } catch { return .failure(error) }
    }

    @Test func aHeaderHoldsTheFieldsTheFullDecoderReads() throws {
        let bytes = try Self.record(stream: "reliefcase-2026-0042", type: "assistance.ApplicationReceived")
        let header = try bytes.withUnsafeBytes { try EventRecord.decodeHeader($0, at: 5) }
        let event = try bytes.withUnsafeBytes { try EventRecord.decode($0, at: 5) }
        #expect(header == EventHeader(event))
        #expect(header.position == 5 && header.version == 2 && header.recordedAt == 1_764_433_421_707_402)
        #expect(header.id.uuidString.lowercased() == "f52e9bd2-24ce-4104-ae4a-1eecc6ff788c")
        #expect(header.stream.rawValue == "reliefcase-2026-0042" && header.type == "assistance.ApplicationReceived")
    }

    @Test func everyBrokenRecordIsRefusedWithTheFullDecodersError() throws {
        let bytes = try Self.record()
        var broken: [[UInt8]] = (0..<bytes.count).map { Array(bytes.prefix($0)) }  // every truncation
        broken.append(bytes + [0])
        broken.append([2] + bytes.dropFirst())
        var badStream = bytes
        badStream[43] = UInt8(ascii: "/")  // inside "case-1"
        broken.append(badStream)
        // Each length field made one too long, then one too short.
        for (offset, size) in [(41, 2), (43 + 6, 2), (45 + 6 + 3, 4), (49 + 6 + 3 + 2, 4)] {
            for delta in [1, -1] {
                var changed = bytes
                let index = offset + size - 1
                changed[index] = UInt8(truncatingIfNeeded: Int(changed[index]) + delta)
                broken.append(changed)
            }
        }
        for record in broken {
            let header = record.withUnsafeBytes { buffer in Self.outcome { () throws(EventLogError) in try EventRecord.decodeHeader(buffer, at: 9) } }
            let full = record.withUnsafeBytes { buffer in Self.outcome { () throws(EventLogError) in try EventRecord.decode(buffer, at: 9) } }
            guard case .failure(let refusal) = header else {
                Issue.record("a broken record of \(record.count) bytes was decoded")
                continue
            }
            #expect(full.map(EventHeader.init) == .failure(refusal))
            guard case .corruptRecord(position: 9, reason: _) = refusal else {
                Issue.record("unexpected error \(refusal)")
                continue
            }
        }
    }

    @Test func headerPagesAreTheReadAllPagesWithoutTheirPayloads() async throws {
        let ledger = try TemporaryLedger()
        for i in 0..<60 {
            let type = i % 3 == 0 ? "case.Opened" : "note.Added"
            _ = try await ledger.store.append([ProposedEvent(type: type, payload: #"{"i":\#(i)}"#)], to: try StreamName("case-\(i % 7)"))
        }
        for (from, limit, prefix) in [(UInt64(0), 1000, String?.none), (0, 7, nil), (13, 5, "case."), (58, 10, nil), (60, 10, nil), (70, 3, "note.")] {
            let headers = try ledger.store.readHeaders(from: from, limit: limit, types: EventFilter(typePrefix: prefix))
            let events = try await ledger.store.readAll(from: from, direction: .forwards, limit: limit, filter: EventFilter(typePrefix: prefix))
            #expect(headers.headers == events.events.map(EventHeader.init))
            #expect(headers.next == events.next && headers.reachedEnd == events.reachedEnd)
        }
    }

    @Test func severalTypePrefixesMatchAsAnyOfThem() async throws {
        let ledger = try TemporaryLedger()
        let types = ["case.Opened", "case.Closed", "note.Added", "notes.Added", "visit.Recorded", "cases.Noted"]
        for i in 0..<48 {
            _ = try await ledger.store.append([ProposedEvent(type: types[i % types.count], payload: #"{"i":\#(i)}"#)],
                                              to: try StreamName(i % 2 == 0 ? "case-\(i % 5)" : "visit-\(i % 3)"))
        }
        let everything = try await ledger.store.readAll(from: 0, direction: .forwards, limit: 1000, filter: .all).events
        for prefixes in [["case.", "note."], ["case.Closed", "visit."], ["nothing."], ["", "x"], ["c"], []] {
            for category in [String?.none, "case", "visit"] {
                let filter = EventFilter(category: category, typePrefixes: prefixes)
                let expected = everything.filter { event in
                    (category == nil || event.stream.category == category![...]) && (prefixes.isEmpty || prefixes.contains { event.type.hasPrefix($0) })
                }
                let read = try await ledger.store.readAll(from: 0, direction: .forwards, limit: 1000, filter: filter).events
                #expect(read == expected, "prefixes \(prefixes), category \(category ?? "-")")
                #expect(everything.filter(filter.matches) == expected)
                if category == nil {
                    let headers = try ledger.store.readHeaders(from: 0, limit: 1000, types: filter)
                    #expect(headers.headers == expected.map(EventHeader.init))
                }
            }
        }
    }
}
