import EventLog
import Transparency

/// One message of a `text/event-stream` (the WHATWG server-sent events format).
enum ServerSentEvent: Sendable, Equatable {
    /// An event of the log: `id: <position>`, `event: <type>`, `data: <event JSON>`.
    case event(RecordedEvent)
    /// The same with `record` and `leafHash` in the data, for `raw=true`.
    case rawEvent(RecordedEvent, leafHash: Hash)
    /// A comment that keeps an idle connection (and any proxy) from timing out.
    case heartbeat
    /// The last message to a client that fell too far behind; it resumes with `Last-Event-ID`.
    case disconnected(lastSent: UInt64?)

    /// The message's bytes, ending with the blank line that dispatches it.
    var bytes: [UInt8] {
        switch self {
        case .event(let event):
            var out = Array("id: \(event.position)\nevent: ".utf8) + Array(event.type.utf8)
            Self.appendData(event.json(), to: &out)
            return out
        case .rawEvent(let event, let leaf):
            var out = Array("id: \(event.position)\nevent: ".utf8) + Array(event.type.utf8)
            Self.appendData(event.json(extra: AuditFields.members(of: event, leaf: leaf)), to: &out)
            return out
        case .heartbeat:
            return Array(": heartbeat\n\n".utf8)
        case .disconnected(let lastSent):
            var out = Array("event: disconnected".utf8)
            let resume = lastSent.map(String.init) ?? "null"
            Self.appendData(Array(#"{"reason":"slow-consumer","lastEventId":\#(resume)}"#.utf8), to: &out)
            return out
        }
    }

    /// The log position of an event message.
    var position: UInt64? {
        switch self {
        case .event(let event), .rawEvent(let event, _): event.position
        case .heartbeat, .disconnected: nil
        }
    }

    /// `data:` lines: a payload sent with line breaks (only possible between JSON tokens) is
    /// split over several lines, which the client joins back with `\n`.
    private static func appendData(_ json: [UInt8], to out: inout [UInt8]) {
        out += Array("\ndata: ".utf8)
        var i = 0
        while i < json.count {
            let b = json[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < json.count, json[i + 1] == 0x0A { i += 1 }
                out += Array("\ndata: ".utf8)
            } else {
                out.append(b)
            }
            i += 1
        }
        out += Array("\n\n".utf8)
    }
}
