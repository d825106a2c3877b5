import Foundation

/// Which way a read goes.
public enum ReadDirection: String, Sendable, CaseIterable {
    case forwards, backwards
}

/// Narrows a read of the whole log; both parts optional, both must match.
public struct EventFilter: Sendable, Equatable {
    /// Only streams of this category (the part of the name before the first dash). Indexed.
    public var category: String?
    /// Only event types starting with one of these, e.g. `assistance.` or `marriage.Divorce`;
    /// none: every type.
    public var typePrefixes: [String] {
        didSet { prefixBytes = typePrefixes.map { Array($0.utf8) } }
    }
    /// The prefixes as UTF-8, so a scan can match a record's type without making a string of it.
    private var prefixBytes: [[UInt8]]

    public init(category: String? = nil, typePrefix: String? = nil) {
        self.init(category: category, typePrefixes: typePrefix.map { [$0] } ?? [])
    }

    public init(category: String? = nil, typePrefixes: [String]) {
        self.category = category
        self.typePrefixes = typePrefixes
        self.prefixBytes = typePrefixes.map { Array($0.utf8) }
    }

    public static let all = EventFilter()

    public func matches(_ event: RecordedEvent) -> Bool {
        (category == nil || event.stream.category == category![...]) && matchesType(event.type)
    }

    /// Whether a type passes the type part of the filter.
    public func matchesType(_ type: String) -> Bool {
        typePrefixes.isEmpty || typePrefixes.contains { type.hasPrefix($0) }
    }

    /// Whether a type given as UTF-8 passes the type part of the filter.
    func matchesType(utf8 type: UnsafeRawBufferPointer) -> Bool {
        if prefixBytes.isEmpty { return true }
        return prefixBytes.contains { prefix in
            prefix.isEmpty || prefix.count <= type.count
                && prefix.withUnsafeBytes { memcmp($0.baseAddress!, type.baseAddress!, prefix.count) == 0 }
        }
    }
}

/// One page of a read.
public struct EventPage: Sendable, Equatable {
    public var events: [RecordedEvent]
    /// Where the next page starts (a stream version for stream reads, a log position for log
    /// reads); nil when this page reached the end in its direction. Forwards reads of the whole
    /// log always say where to go on, so a follower can ask again later.
    public var next: UInt64?
    /// Whether nothing more was there when this page was read.
    public var reachedEnd: Bool
}

/// Reads the log: streams, the whole log, single events, and live subscriptions.
public protocol EventReader: Sendable {
    /// A stream's events from `version` (nil: its start, or its end when backwards).
    func readStream(_ stream: StreamName, from version: UInt64?, direction: ReadDirection, limit: Int) async throws -> EventPage
    /// The whole log from `position` (nil: its start, or its end when backwards), filtered.
    func readAll(from position: UInt64?, direction: ReadDirection, limit: Int, filter: EventFilter) async throws -> EventPage
    func event(at position: UInt64) async throws -> RecordedEvent?
    func event(id: UUID) async throws -> RecordedEvent?
    /// How many events the log holds; the head position is `size - 1`.
    func size() async throws -> UInt64
    /// The version of the stream's last event; nil when the stream does not exist.
    func version(of stream: StreamName) async throws -> UInt64?
    /// Returns once the log holds more than `position` events (or the task is cancelled).
    func waitForGrowth(beyond size: UInt64) async
}

/// Appends to the log.
public protocol EventWriter: Sendable {
    /// Appends to one or more streams atomically: all events of the request or none.
    func append(_ appends: [StreamAppend]) async throws -> AppendResult
}

/// A whole event store: what a second backend implements and proves with the conformance suite.
public protocol EventStore: EventReader, EventWriter {}

extension EventWriter {
    /// Appends `events` to `stream` if the stream is as `expected`.
    public func append(_ events: [ProposedEvent], to stream: StreamName, expecting expected: ExpectedVersion = .any) async throws -> AppendResult {
        try await append([StreamAppend(stream: stream, expected: expected, events: events)])
    }
}

extension EventReader {
    /// Whether the log grows past `size` events within `timeout`; false also when the task is cancelled.
    public func grows(beyond size: UInt64, within timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { await self.waitForGrowth(beyond: size); return !Task.isCancelled }
            group.addTask { try? await Task.sleep(for: timeout); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// The last event's position; nil when the log is empty.
    public func head() async throws -> UInt64? {
        let n = try await size()
        return n == 0 ? nil : n - 1
    }

    /// Follows the log from `position`: catches up, then waits for appends. Never misses or repeats.
    public func subscribe(from position: UInt64 = 0, filter: EventFilter = .all, pageSize: Int = 512) -> EventSubscription {
        EventSubscription(reader: self, from: position, filter: filter, pageSize: pageSize)
    }
}
