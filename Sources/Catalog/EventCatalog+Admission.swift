import EventLog
import Foundation
import JSON
import JSONSchema

extension EventCatalog {
    /// Requests with at least this many events are checked on several cores at once.
    static let parallelThreshold = 64

    /// Checks one event: a known type, a known version (the metadata's `schemaVersion`, else the
    /// latest) and a payload valid against that schema. Returns the event to store — with
    /// `schemaVersion` added to its metadata when it named none — or why it is refused.
    /// `index` is the event's index within its request, for the refusal.
    public func admit(_ event: ProposedEvent, index: Int) -> Result<ProposedEvent, EventRefusal> {
        // Metadata that is not a JSON object is left for the log to refuse with its own error.
        let metadata = Self.isEmptyObject(event.metadata) ? JSONObject() : (try? JSONParser().parse(event.metadata))?.objectValue
        var named: Int?
        var version: Int?
        do throws(EventRefusal.Reason) {
            named = try metadata.flatMap { object throws(EventRefusal.Reason) in try SchemaVersion.named(in: object) }
            version = named
            let schema = try schema(event.type, version: named)
            version = schema.version
            let payload: JSONValue
            do { payload = try JSONParser().parse(event.payload) } catch { throw .payloadNotJSON(error) }
            let violations = schema.validate(payload)
            guard violations.isEmpty else { throw .violations(violations) }
            guard named == nil, let metadata else { return .success(event) }
            var stamped = event
            stamped.metadata = SchemaVersion.stamping(schema.version, into: event.metadata, isEmpty: metadata.isEmpty)
            return .success(stamped)
        } catch {
            return .failure(EventRefusal(index: index, type: event.type, version: version, reason: error))
        }
    }

    /// Checks every event (on several cores for large lists); `firstIndex` is the index of the
    /// first event within its request. Returns the events to store, or every refusal.
    public func admit(_ events: [ProposedEvent], firstIndex: Int = 0) async -> Result<[ProposedEvent], CatalogRefusal> {
        let outcomes: [Result<ProposedEvent, EventRefusal>]
        if events.count < Self.parallelThreshold {
            outcomes = events.indices.map { admit(events[$0], index: firstIndex + $0) }
        } else {
            outcomes = await admitInParallel(events, firstIndex: firstIndex)
        }
        var admitted: [ProposedEvent] = []
        admitted.reserveCapacity(events.count)
        var refusals: [EventRefusal] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let event): admitted.append(event)
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        return refusals.isEmpty ? .success(admitted) : .failure(CatalogRefusal(events: refusals))
    }

    /// Checks every event of a request, indexing events across streams as the log does, and
    /// returns the request to hand to the writer; throws every refusal.
    public func admit(_ appends: [StreamAppend]) async throws(CatalogRefusal) -> [StreamAppend] {
        let events = appends.count == 1 ? appends[0].events : appends.flatMap(\.events)
        var admitted = try await admit(events).get()[...]
        return appends.map { append in
            var checked = append
            checked.events = Array(admitted.prefix(append.events.count))
            admitted = admitted.dropFirst(append.events.count)
            return checked
        }
    }

    private func admitInParallel(_ events: [ProposedEvent], firstIndex: Int) async -> [Result<ProposedEvent, EventRefusal>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, events.count / (Self.parallelThreshold / 2)))
        let chunk = (events.count + workers - 1) / workers
        return await withTaskGroup(of: (Int, [Result<ProposedEvent, EventRefusal>]).self) { group in
            for start in stride(from: 0, to: events.count, by: chunk) {
                group.addTask {
                    (start, (start..<min(start + chunk, events.count)).map { admit(events[$0], index: firstIndex + $0) })
                }
            }
            var parts: [(Int, [Result<ProposedEvent, EventRefusal>])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// `{}` with optional white space: the usual metadata, not worth parsing.
    static func isEmptyObject(_ bytes: [UInt8]) -> Bool {
        var content = bytes.lazy.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }.makeIterator()
        return content.next() == UInt8(ascii: "{") && content.next() == UInt8(ascii: "}") && content.next() == nil
    }
}
