import EventLog

extension EventPage {
    /// `{"stream"?, "events": [...], "next": N|null, "reachedEnd": bool}`; pass `next` back as `from`.
    /// `extra` holds further members for each event, in order (e.g. `record` and `leafHash`).
    func json(stream: StreamName? = nil, extra: [[(String, String)]] = []) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        if let stream { out += Array(#""stream":"#.utf8) + JSONString.quoted(stream.rawValue) + [UInt8(ascii: ",")] }
        out += Array(#""events":["#.utf8)
        for (i, event) in events.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += event.json(extra: i < extra.count ? extra[i] : [])
        }
        out += Array(#"],"next":\#(next.map(String.init) ?? "null"),"reachedEnd":\#(reachedEnd)}"#.utf8)
        return out
    }
}
