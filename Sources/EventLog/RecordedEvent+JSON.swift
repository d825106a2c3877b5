import Foundation

extension RecordedEvent {
    /// The event as one line of JSON, with `data` and `metadata` spliced in byte for byte.
    /// `extra` members (already JSON) are appended, e.g. `"record"` and `"leafHash"` for auditors.
    public func json(extra: [(String, String)] = []) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(payload.count + metadata.count + 256)
        out += Array(#"{"position":\#(position),"stream":"#.utf8)
        out += JSONString.quoted(stream.rawValue)
        out += Array(#","version":\#(version),"id":""#.utf8)
        out += Array(id.uuidString.lowercased().utf8)
        out += Array(#"","type":"#.utf8)
        out += JSONString.quoted(type)
        out += Array(#","recordedAt":""#.utf8)
        out += Array(recordedAtText.utf8)
        out += Array(#"","data":"#.utf8)
        out += payload
        out += Array(#","metadata":"#.utf8)
        out += metadata
        for (key, value) in extra {
            out.append(UInt8(ascii: ","))
            out += JSONString.quoted(key)
            out.append(UInt8(ascii: ":"))
            out += Array(value.utf8)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}

/// JSON string literals for text the ledger writes itself.
public enum JSONString {
    public static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", b).utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}

extension AppendResult {
    /// `{"replayed":…,"streams":[{"stream","streamVersion","events":[{"id","version","position"}]}]}`
    public func json() -> [UInt8] {
        var out = Array(#"{"replayed":\#(replayed),"streams":["#.utf8)
        for (i, s) in streams.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += s.json()
        }
        out += Array("]}".utf8)
        return out
    }
}

extension StreamAppendResult {
    public func json() -> [UInt8] {
        var out = Array(#"{"stream":"#.utf8) + JSONString.quoted(stream.rawValue)
        out += Array(#","streamVersion":\#(streamVersion),"events":["#.utf8)
        for (i, e) in events.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array(#"{"id":"\#(e.id.uuidString.lowercased())","version":\#(e.version),"position":\#(e.position)}"#.utf8)
        }
        out += Array("]}".utf8)
        return out
    }
}
