import EventLog

/// What a key may append, applied to a parsed request: its type prefixes and its actor stamp.
enum AppendAuthorization {
    /// The appends with every event's metadata stamped, or the 403 for a type the key may not use.
    static func authorize(_ appends: [StreamAppend], by principal: Principal, pointerBase: (Int) -> String) throws -> [StreamAppend] {
        var index = 0
        return try appends.enumerated().map { streamIndex, append in
            var append = append
            for i in append.events.indices {
                let event = append.events[i]
                guard principal.mayAppend(type: event.type) else {
                    throw Problem(.eventTypeNotAllowed,
                                  detail: "The key \(principal.name) may append only types starting with \(principal.typePrefixes.joined(separator: ", ")), not \(event.type).",
                                  members: [.string("pointer", pointerBase(streamIndex) + "/events/\(i)/type"), .string("eventType", event.type)])
                }
                append.events[i].metadata = try EventMetadata.stamping(event.metadata, actor: principal.actor, event: index)
                index += 1
            }
            return append
        }
    }
}
