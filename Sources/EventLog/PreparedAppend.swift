import Foundation

/// An append request checked for everything that needs no log state, with its records encoded,
/// so the writer thread only decides versions and puts bytes.
struct PreparedAppend: Sendable {
    struct Stream: Sendable {
        let stream: StreamName
        let expected: ExpectedVersion
        let events: [ProposedEvent]
        var records: [[UInt8]]
        let correlationIds: [String?]
    }

    var streams: [Stream]
    let eventCount: Int
    let byteCount: Int

    /// Checks shapes and limits; throws the first problem found, naming the event.
    init(_ appends: [StreamAppend], limits: LedgerLimits) throws(EventLogError) {
        let total = appends.reduce(0) { $0 + $1.events.count }
        guard total > 0 else { throw .emptyRequest }
        guard total <= limits.maxEventsPerRequest else {
            throw .tooManyEvents(count: total, limit: limits.maxEventsPerRequest)
        }
        var seenStreams = Set<StreamName>(), seenIds = Set<UUID>()
        var index = 0, bytes = 0
        var prepared: [Stream] = []
        for append in appends {
            guard seenStreams.insert(append.stream).inserted else { throw .duplicateStreamInRequest(append.stream) }
            var records: [[UInt8]] = [], correlations: [String?] = []
            for event in append.events {
                guard seenIds.insert(event.id).inserted else { throw .duplicateEventInRequest(id: event.id) }
                try EventType.validate(event.type)
                if !event.payloadIsValidObject { try Self.checkPayload(event.payload, event: index) }
                correlations.append(try Self.checkMetadata(event.metadata, event: index))
                let size = EventRecord.size(stream: append.stream, event: event)
                guard size <= limits.maxEventBytes else {
                    throw .eventTooLarge(event: index, bytes: size, limit: limits.maxEventBytes)
                }
                records.append(EventRecord.encode(stream: append.stream, event: event))
                bytes += size
                index += 1
            }
            prepared.append(Stream(stream: append.stream, expected: append.expected, events: append.events,
                                   records: records, correlationIds: correlations))
        }
        streams = prepared
        eventCount = total
        byteCount = bytes
    }

    private static func checkPayload(_ bytes: [UInt8], event: Int) throws(EventLogError) {
        let kind: JSONText.Kind
        do { kind = try JSONText.validate(bytes) } catch {
            throw .invalidPayload(event: event, reason: bytes.isEmpty ? "it is empty; send a JSON object such as {}" : "it is not valid JSON: \(error)")
        }
        guard kind == .object else { throw .invalidPayload(event: event, reason: "it must be a JSON object, not \(kind.article)") }
    }

    /// The metadata must be an object whose known keys hold strings; returns its correlation id.
    private static func checkMetadata(_ bytes: [UInt8], event: Int) throws(EventLogError) -> String? {
        let members: [(key: String, value: Range<Int>)]
        do { members = try JSONText.members(of: bytes) } catch {
            throw .invalidMetadata(event: event, reason: bytes.isEmpty ? "it is empty; send a JSON object such as {}" : "\(error)")
        }
        try EventMetadata.refuseDuplicateKeys(members, event: event)
        var correlation: String?
        for member in members where EventMetadata.knownKeys.contains(member.key) {
            guard let text = JSONText.string(bytes[member.value]) else {
                throw .invalidMetadata(event: event, reason: "\"\(member.key)\" must be a string")
            }
            if member.key == EventMetadata.correlationId, !text.isEmpty, text.utf8.count <= 256, !text.utf8.contains(0) {
                correlation = text
            }
        }
        return correlation
    }
}
