import CivilAffairs
import EventLog
import Foundation

/// The store the API appends through when the bureau's rules are on: appends pass the rules
/// (reading the streams they touch and pinning the versions read), a refusal is the 422
/// `rule-violation` problem, and everything else goes straight to the base store.
public struct BureauLedgerStore<Base: LedgerStore>: LedgerStore, EventStoreWrapper {
    public let enforced: RuleEnforcedStore<Base>
    public var base: RuleEnforcedStore<Base> { enforced }

    public init(_ base: Base, rules: BureauRules) {
        enforced = RuleEnforcedStore(base, rules: rules)
    }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        do { return try await enforced.append(appends) } catch let refusal as RuleRefusal { throw Problem(refusal) }
    }

    public var isWritable: Bool { enforced.base.isWritable }
    public var queueDepth: Int { enforced.base.queueDepth }
    public func statistics() throws -> LedgerStatistics { try enforced.base.statistics() }
    public func close() { enforced.base.close() }
}
