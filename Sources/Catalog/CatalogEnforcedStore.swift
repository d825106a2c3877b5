import EventLog
import Foundation

/// An event store that accepts only events the catalog knows, with valid payloads.
///
/// Every append is checked in the caller's task — on several cores for large requests — before
/// anything reaches the underlying store's writer, so a refused request writes nothing and never
/// waits in the writer's queue. A refusal throws `CatalogRefusal` listing every bad event.
/// Accepted events that named no schema version are stored with `schemaVersion` in their
/// metadata (see `SchemaVersion`). Reads pass straight through.
public struct CatalogEnforcedStore<Base: EventStore>: EventStoreWrapper {
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

}
