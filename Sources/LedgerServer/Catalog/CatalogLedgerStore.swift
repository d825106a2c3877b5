import Catalog
import EventLog
import Foundation

/// The store the API appends through when the event catalog is on.
///
/// Every append is checked against the catalog in the request's own task — on several cores for
/// large requests — before it reaches the writer's queue, and events that named no schema version
/// get the one they were checked against in their metadata. A refusal is the 422 problem listing
/// every violation; nothing is written. Reads, load and closing go straight to the base store.
///
/// This wraps the store rather than using `AppendPolicy` because admission changes the events
/// (the recorded `schemaVersion`), which a policy's `check` cannot do.
public struct CatalogLedgerStore<Base: LedgerStore>: LedgerStore, EventStoreWrapper {
    public let enforced: CatalogEnforcedStore<Base>
    public var base: CatalogEnforcedStore<Base> { enforced }

    public init(_ base: Base, catalog: EventCatalog) {
        enforced = CatalogEnforcedStore(base, catalog: catalog)
    }

    public var catalog: EventCatalog { enforced.catalog }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        do { return try await enforced.append(appends) } catch let refusal as CatalogRefusal { throw Problem(refusal, appends: appends) }
    }

    public var isWritable: Bool { enforced.base.isWritable }
    public var queueDepth: Int { enforced.base.queueDepth }
    public func statistics() throws -> LedgerStatistics { try enforced.base.statistics() }
    public func close() { enforced.base.close() }
}
