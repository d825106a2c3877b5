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
public struct CatalogLedgerStore<Base: LedgerStore>: LedgerStore {
    public let enforced: CatalogEnforcedStore<Base>

    public init(_ base: Base, catalog: EventCatalog) {
        enforced = CatalogEnforcedStore(base, catalog: catalog)
    }

    public var catalog: EventCatalog { enforced.catalog }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        do { return try await enforced.append(appends) } catch let refusal as CatalogRefusal { throw Problem(refusal, appends: appends) }
    }

    public func readStream(_ stream: StreamName, from version: UInt64?, direction: ReadDirection, limit: Int) async throws -> EventPage {
        try await enforced.readStream(stream, from: version, direction: direction, limit: limit)
    }

    public func readAll(from position: UInt64?, direction: ReadDirection, limit: Int, filter: EventFilter) async throws -> EventPage {
        try await enforced.readAll(from: position, direction: direction, limit: limit, filter: filter)
    }

    public func event(at position: UInt64) async throws -> RecordedEvent? { try await enforced.event(at: position) }
    public func event(id: UUID) async throws -> RecordedEvent? { try await enforced.event(id: id) }
    public func size() async throws -> UInt64 { try await enforced.size() }
    public func version(of stream: StreamName) async throws -> UInt64? { try await enforced.version(of: stream) }
    public func waitForGrowth(beyond size: UInt64) async { await enforced.waitForGrowth(beyond: size) }

    public var isWritable: Bool { enforced.base.isWritable }
    public var queueDepth: Int { enforced.base.queueDepth }
    public func statistics() throws -> LedgerStatistics { try enforced.base.statistics() }
    public func close() { enforced.base.close() }
}
