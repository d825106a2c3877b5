import EventLog
import Foundation

/// An event store that accepts only events the catalog knows, with valid payloads.
///
/// Every append is checked in the caller's task — on several cores for large requests — before
/// anything reaches the underlying store's writer, so a refused request writes nothing and never
/// waits in the writer's queue. A refusal throws `CatalogRefusal` listing every bad event.
/// Accepted events that named no schema version are stored with `schemaVersion` in their
/// metadata (see `SchemaVersion`). Reads pass straight through.
public struct CatalogEnforcedStore<Base: EventStore>: EventStore {
    /// The store events are written to once admitted.
    public let base: Base
    public let catalog: EventCatalog

    public init(_ base: Base, catalog: EventCatalog) {
        self.base = base
        self.catalog = catalog
    }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        try await base.append(catalog.admit(appends))
    }

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
