extension EventMetadata {
    /// The metadata to store: the client's object with `actor` set to who really appended.
    ///
    /// A client's own `actor` becomes `onBehalfOf` (the clerk's system acting for a person);
    /// a client sending both is refused, since one of them would be lost. Members are spliced,
    /// not re-serialised, so the result is the same bytes for the same input (retries match).
    public static func stamping(_ metadata: [UInt8], actor: String, event: Int = 0) throws(EventLogError) -> [UInt8] {
        let members: [(key: String, value: Range<Int>)]
        do { members = try JSONText.members(of: metadata) } catch {
            throw .invalidMetadata(event: event, reason: metadata.isEmpty ? "it is empty; send a JSON object such as {}" : "\(error)")
        }
        try refuseDuplicateKeys(members, event: event)
        let claimed = members.first { $0.key == Self.actor }
        if claimed != nil && members.contains(where: { $0.key == Self.onBehalfOf }) {
            throw .invalidMetadata(event: event, reason: "send either \"actor\" or \"onBehalfOf\", not both: the actor is taken from your credentials")
        }
        var out = Array(#"{"actor":"#.utf8) + JSONString.quoted(actor)
        if let claimed {
            out += Array(#","onBehalfOf":"#.utf8) + metadata[claimed.value]
        }
        for member in members where member.key != Self.actor {
            out.append(UInt8(ascii: ","))
            out += JSONString.quoted(member.key)
            out.append(UInt8(ascii: ":"))
            out += metadata[member.value]
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// JSON leaves duplicate keys undefined and readers disagree on which one wins, so a key
    /// sent twice (`actor` above all: which one was the client's word?) is refused, not guessed.
    static func refuseDuplicateKeys(_ members: [(key: String, value: Range<Int>)], event: Int) throws(EventLogError) {
        var seen = Set<String>()
        for member in members where !seen.insert(member.key).inserted {
            throw .invalidMetadata(event: event, reason: "the key \"\(member.key.prefix(60))\" appears more than once; send each key once")
        }
    }
}
