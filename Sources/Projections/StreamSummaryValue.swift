import EventLog
import JSON

/// One stream's summary as native values: what `streams` keeps in memory while it applies a
/// chunk, written out as the same canonical JSON `StreamSummary` builds event by event.
public struct StreamSummaryValue: Sendable, Equatable {
    /// When the last event was recorded: a time from the log, or the text a stored summary held.
    public enum Moment: Sendable, Equatable {
        case microseconds(Int64)
        case text(String)
    }

    var stream: String
    var events = 0
    var lastType: String?
    var lastPosition: UInt64?
    var lastRecordedAt: Moment?
    /// Counts by event type. Types are ASCII by the record grammar, so Swift's string equality
    /// here and the JSON object's scalar equality agree.
    var types: [String: Int] = [:]

    init(stream: String) {
        self.stream = stream
    }

    /// The summary a stored `stream/<name>` value holds.
    init(json: JSONValue, stream: String) throws(UnreadableSummary) {
        func fail(_ field: String) -> UnreadableSummary { UnreadableSummary(stream: stream, field: field) }
        guard let object = json.objectValue else { throw fail("the value") }
        guard let name = object["stream"]?.stringValue else { throw fail("stream") }
        guard let events = object["events"]?.numberValue?.intValue else { throw fail("events") }
        guard let types = object["types"]?.objectValue else { throw fail("types") }
        self.stream = name
        self.events = events
        for member in types.members {
            guard let count = member.value.numberValue?.intValue else { throw fail("types.\(member.key)") }
            self.types[member.key] = count
        }
        if let type = object["lastType"] {
            guard let text = type.stringValue else { throw fail("lastType") }
            lastType = text
        }
        if let position = object["lastPosition"] {
            guard let value = position.numberValue?.intValue, value >= 0 else { throw fail("lastPosition") }
            lastPosition = UInt64(value)
        }
        if let recordedAt = object["lastRecordedAt"] {
            guard let text = recordedAt.stringValue else { throw fail("lastRecordedAt") }
            lastRecordedAt = .text(text)
        }
        guard object.count == 3 + [lastType != nil, lastPosition != nil, lastRecordedAt != nil].filter({ $0 }).count else {
            throw fail("its members")
        }
    }

    /// Counts one more event.
    mutating func add(_ event: EventHeader) {
        events += 1
        types[event.type, default: 0] += 1
        lastType = event.type
        lastPosition = event.position
        lastRecordedAt = .microseconds(event.recordedAt)
    }

    /// The canonical JSON (members in byte order, which is UTF-16 order for these ASCII names).
    func writeCanonicalJSON(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"events":"#.utf8)
        CanonicalText.integer(events, into: &bytes)
        if let lastPosition {
            bytes.append(contentsOf: #","lastPosition":"#.utf8)
            CanonicalText.integer(Int(lastPosition), into: &bytes)
        }
        switch lastRecordedAt {
        case .microseconds(let time)?:
            bytes.append(contentsOf: #","lastRecordedAt":""#.utf8)
            Timestamp.write(microseconds: time, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .text(let text)?:
            bytes.append(contentsOf: #","lastRecordedAt":"#.utf8)
            CanonicalText.string(text, into: &bytes)
        case nil:
            break
        }
        if let lastType {
            bytes.append(contentsOf: #","lastType":"#.utf8)
            CanonicalText.string(lastType, into: &bytes)
        }
        bytes.append(contentsOf: #","stream":"#.utf8)
        CanonicalText.string(stream, into: &bytes)
        bytes.append(contentsOf: #","types":{"#.utf8)
        let sorted = types.count < 2 ? Array(types) : types.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        for (index, entry) in sorted.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CanonicalText.string(entry.key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            CanonicalText.integer(entry.value, into: &bytes)
        }
        bytes.append(contentsOf: "}}".utf8)
    }
}

/// A stored summary that is not one `streams` writes.
struct UnreadableSummary: Error, CustomStringConvertible {
    let stream: String
    let field: String

    var description: String { "the stored summary of stream '\(stream)' has no readable \(field)" }
}
