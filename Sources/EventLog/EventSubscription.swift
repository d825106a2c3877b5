/// Follows the log from a position: reads what is there in bounded pages, then waits for appends.
///
/// Each page is its own short read transaction; no transaction is held while waiting, so a slow
/// or idle subscriber never pins old pages of the file. It never misses or repeats an event:
/// it resumes each read exactly after the last position it scanned.
public struct EventSubscription: AsyncSequence, Sendable {
    public typealias Element = RecordedEvent
    let reader: any EventReader
    let from: UInt64
    let filter: EventFilter
    let pageSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: reader, next: from, filter: filter, pageSize: pageSize)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: any EventReader
        /// The next position to scan.
        var next: UInt64
        let filter: EventFilter
        let pageSize: Int
        var buffered: [RecordedEvent] = []
        var index = 0

        /// The next event, or nil when the task is cancelled.
        public mutating func next() async throws -> RecordedEvent? {
            while index == buffered.count {
                if Task.isCancelled { return nil }
                let page = try await reader.readAll(from: next, direction: .forwards, limit: pageSize, filter: filter)
                buffered = page.events
                index = 0
                if let after = page.next { next = after }
                if page.events.isEmpty && page.reachedEnd {
                    await reader.waitForGrowth(beyond: next)
                }
            }
            defer { index += 1 }
            return buffered[index]
        }
    }
}
