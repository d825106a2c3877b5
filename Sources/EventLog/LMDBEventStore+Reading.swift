import Foundation
import LMDB

extension LMDBEventStore {
    /// The most records one page may scan while filtering, so one read stays short.
    static let scanBudget = 65_536

    public func readStream(_ stream: StreamName, from version: UInt64?, direction: ReadDirection, limit: Int) async throws -> EventPage {
        let limit = max(1, limit)
        return try environment.read { txn in
            let cursor = try txn.cursor(dbs.streamIndex)
            let prefix = LedgerKey.stream(stream)
            var entry: Cursor.Entry?
            switch direction {
            case .forwards: entry = try cursor.seek(atLeast: LedgerKey.streamVersion(stream, version ?? 0))
            case .backwards: entry = try cursor.seek(atMost: LedgerKey.streamVersion(stream, version ?? .max))
            }
            var events: [RecordedEvent] = []
            while let e = entry, LedgerKey.hasPrefix(e.key, prefix) {
                if events.count == limit {
                    return EventPage(events: events, next: LedgerKey.trailingNumber(e.key), reachedEnd: false)
                }
                events.append(try record(at: e.value.bigEndian(at: 0, as: UInt64.self), in: txn))
                entry = direction == .forwards ? try cursor.next() : try cursor.previous()
            }
            return EventPage(events: events, next: nil, reachedEnd: true)
        }
    }

    public func readAll(from position: UInt64?, direction: ReadDirection, limit: Int, filter: EventFilter) async throws -> EventPage {
        let limit = max(1, limit)
        return try environment.read { txn in
            if let category = filter.category {
                return try readCategory(category, from: position, direction: direction, limit: limit, filter: filter, in: txn)
            }
            let page = try scanLog(from: position, direction: direction, limit: limit, types: filter, in: txn) {
                try EventRecord.decode($0, at: $1)
            }
            if let stop = page.stoppedAt { return EventPage(events: page.items, next: stop, reachedEnd: false) }
            return endPage(page.items, direction: direction, last: page.last, start: position)
        }
    }

    /// The whole log forwards from `position` as headers only, metadata and payload left uncopied:
    /// for readers that count or index events. Pages as `readAll` forwards with the filter's types does.
    public func readHeaders(from position: UInt64, limit: Int, types: EventFilter = .all) throws -> EventHeaderPage {
        let limit = max(1, limit)
        return try environment.read { txn in
            let page = try scanLog(from: position, direction: .forwards, limit: limit, types: types, reserving: true, in: txn) {
                try EventRecord.decodeHeader($0, at: $1)
            }
            return EventHeaderPage(headers: page.items, next: page.stoppedAt ?? page.last.map { $0 + 1 } ?? position,
                                   reachedEnd: page.stoppedAt == nil)
        }
    }

    /// One page of a scan of the log from `start`: the records of `types`' types, decoded, at
    /// most `limit` of them and `scanBudget` records looked at. `stoppedAt` is the position the
    /// page stopped before (nil: it reached the end); `last` the last position looked at.
    private func scanLog<Item>(from start: UInt64?, direction: ReadDirection, limit: Int, types: EventFilter, reserving: Bool = false,
                               in txn: ReadTransaction, decode: (UnsafeRawBufferPointer, UInt64) throws -> Item)
        throws -> (items: [Item], stoppedAt: UInt64?, last: UInt64?) {
        let cursor = try txn.cursor(dbs.events)
        var entry: Cursor.Entry?
        switch direction {
        case .forwards: entry = try cursor.seek(atLeast: LedgerKey.position(start ?? 0))
        case .backwards: entry = try cursor.seek(atMost: LedgerKey.position(start ?? .max))
        }
        var items: [Item] = []
        if reserving { items.reserveCapacity(min(limit, Self.scanBudget)) }
        var scanned = 0
        var last: UInt64?
        while let e = entry {
            let p = e.key.bigEndian(at: 0, as: UInt64.self)
            if items.count == limit || scanned == Self.scanBudget { return (items, p, last) }
            if types.matchesType(utf8: RecordPeek.typeBytes(of: e.value)) { items.append(try decode(e.value, p)) }
            scanned += 1
            last = p
            entry = direction == .forwards ? try cursor.next() : try cursor.previous()
        }
        return (items, nil, last)
    }

    private func readCategory(_ category: String, from position: UInt64?, direction: ReadDirection, limit: Int,
                              filter: EventFilter, in txn: ReadTransaction) throws -> EventPage {
        let cursor = try txn.cursor(dbs.categories)
        let prefix = Array(category.utf8)
        var entry: Cursor.Entry?
        switch direction {
        case .forwards: entry = try cursor.seek(atLeast: LedgerKey.prefixed(category, position ?? 0))
        case .backwards: entry = try cursor.seek(atMost: LedgerKey.prefixed(category, position ?? .max))
        }
        var events: [RecordedEvent] = [], scanned = 0
        var last: UInt64?
        while let e = entry, LedgerKey.hasPrefix(e.key, prefix) {
            let p = LedgerKey.trailingNumber(e.key)
            if events.count == limit || scanned == Self.scanBudget {
                return EventPage(events: events, next: p, reachedEnd: false)
            }
            let event = try record(at: p, in: txn)
            if filter.matchesType(event.type) { events.append(event) }
            scanned += 1
            last = p
            entry = direction == .forwards ? try cursor.next() : try cursor.previous()
        }
        // Forwards, the next page starts after what this snapshot holds, not after the last match.
        if direction == .forwards {
            let size = UInt64(try txn.count(of: dbs.events))
            return EventPage(events: events, next: max(size, position ?? 0), reachedEnd: true)
        }
        return endPage(events, direction: direction, last: last, start: position)
    }

    private func endPage(_ events: [RecordedEvent], direction: ReadDirection, last: UInt64?, start: UInt64?) -> EventPage {
        switch direction {
        case .forwards: EventPage(events: events, next: last.map { $0 + 1 } ?? start ?? 0, reachedEnd: true)
        case .backwards: EventPage(events: events, next: nil, reachedEnd: true)
        }
    }

    public func event(at position: UInt64) async throws -> RecordedEvent? {
        try environment.read { txn in
            guard let bytes = try txn.get(LedgerKey.position(position), in: dbs.events) else { return nil }
            return try EventRecord.decode(bytes, at: position)
        }
    }

    public func event(id: UUID) async throws -> RecordedEvent? {
        try environment.read { txn in
            guard let p = try txn.get(LedgerKey.id(id), in: dbs.ids) else { return nil }
            return try record(at: p.bigEndian(at: 0, as: UInt64.self), in: txn)
        }
    }

    public func version(of stream: StreamName) async throws -> UInt64? {
        try environment.read { txn in
            try dbs.lastVersion(of: stream, in: txn)
        }
    }

    /// The positions of the events that carry this correlation id, in order.
    public func positions(correlatedBy correlationId: String, limit: Int = 1000) throws -> [UInt64] {
        try environment.read { txn in
            let cursor = try txn.cursor(dbs.correlations)
            let prefix = Array(correlationId.utf8)
            var positions: [UInt64] = []
            var entry = try cursor.seek(atLeast: LedgerKey.prefixed(correlationId, 0))
            while let e = entry, LedgerKey.hasPrefix(e.key, prefix), positions.count < limit {
                positions.append(LedgerKey.trailingNumber(e.key))
                entry = try cursor.next()
            }
            return positions
        }
    }

    func record(at position: UInt64, in txn: some Transaction) throws -> RecordedEvent {
        guard let bytes = try txn.get(LedgerKey.position(position), in: dbs.events) else {
            throw EventLogError.corruptRecord(position: position, reason: "an index points at it but there is no record")
        }
        return try EventRecord.decode(bytes, at: position)
    }
}

/// One page of `readHeaders`.
public struct EventHeaderPage: Sendable, Equatable {
    public var headers: [EventHeader]
    /// The position the next page starts at: after the last record this page looked at.
    public var next: UInt64
    /// Whether nothing more was there when this page was read.
    public var reachedEnd: Bool
}

/// Reads one field of a record without decoding the rest (for filtering scans).
enum RecordPeek {
    /// The type's UTF-8 bytes, in place; empty for a record too short to hold one.
    static func typeBytes(of record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let streamLength = Int(record.bigEndian(at: EventRecord.headerSize, as: UInt16.self))
        let typeAt = EventRecord.headerSize + 2 + streamLength
        guard typeAt + 2 <= record.count else { return UnsafeRawBufferPointer(rebasing: record[0..<0]) }
        let typeLength = Int(record.bigEndian(at: typeAt, as: UInt16.self))
        guard typeAt + 2 + typeLength <= record.count else { return UnsafeRawBufferPointer(rebasing: record[0..<0]) }
        return UnsafeRawBufferPointer(rebasing: record[(typeAt + 2)..<(typeAt + 2 + typeLength)])
    }
}
