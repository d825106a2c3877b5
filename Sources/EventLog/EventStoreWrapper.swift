import Foundation

/// A store that changes what is appended (checks it, refuses it, adds to it) and reads through
/// another store unchanged: the catalog's gate and the bureau's rules are such wrappers.
public protocol EventStoreWrapper: EventStore {
    associatedtype Base: EventStore
    /// The store reads go to, and admitted appends.
    var base: Base { get }
}

extension EventStoreWrapper {
    public func readStream(_ stream: StreamName, from version: UInt64?, direction: ReadDirection, limit: Int) async throws -> EventPage {
        try await base.readStream(stream, from: version, direction: direction, limit: limit)
    }

    public func readAll(from position: UInt64?, direction: ReadDirection, limit: Int, filter: EventFilter) async throws -> EventPage {
        try await base.readAll(from: position, direction: direction, limit: limit, filter: filter)
    }

    public func event(at position: UInt64) async throws -> RecordedEvent? { try await base.event(at: position) }
    public func event(id: UUID) async throws -> RecordedEvent? { try await base.event(id: id) }
    public func size() async throws -> UInt64 { try await base.size() }
    public func version(of stream: StreamName) async throws -> UInt64? { try await base.version(of: stream) }
    public func waitForGrowth(beyond size: UInt64) async { await base.waitForGrowth(beyond: size) }
}
