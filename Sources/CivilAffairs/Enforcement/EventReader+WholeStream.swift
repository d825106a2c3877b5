import EventLog

extension EventReader {
    /// Every event of `stream`, read page by page (a record's stream is short: a case, a person).
    func wholeStream(_ stream: StreamName) async throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        var from: UInt64? = 0
        while let start = from {
            let page = try await readStream(stream, from: start, direction: .forwards, limit: 1000)
            events += page.events
            from = page.reachedEnd ? nil : page.next
        }
        return events
    }
}
