import EventLog
import Foundation

/// An event store that admits only appends the bureau's rules allow.
///
/// Rules run before the writer, and versions decide (ARCHITECTURE.md): the store reads every
/// governed stream the request touches, folds it, judges the proposed events in order, and
/// appends with the versions it read as the expected versions. If another append got in between,
/// the store reads again and decides again (a few times), so a rule is never judged on stale
/// state. A refusal throws `RuleRefusal` listing every violation; nothing is written.
public struct RuleEnforcedStore<Base: EventStore>: EventStoreWrapper {
    public let base: Base
    public let rules: BureauRules
    /// The server's date, for business dates that may not lie ahead of it.
    public let today: @Sendable () -> CalendarDay
    /// How many times a request is judged again after losing a race.
    public var attempts = 5

    public init(_ base: Base, rules: BureauRules, today: @escaping @Sendable () -> CalendarDay = { CalendarDay.today() }) {
        self.base = base
        self.rules = rules
        self.today = today
    }

    public func append(_ appends: [StreamAppend]) async throws -> AppendResult {
        guard appends.contains(where: { rules.governs($0.stream) }) else { return try await base.append(appends) }
        // A retry of a request already written is answered by the store as a replay (or an id conflict).
        if let first = appends.first?.events.first, try await base.event(id: first.id) != nil {
            return try await base.append(appends)
        }
        var attempt = 0
        while true {
            attempt += 1
            let (pinned, pinnedStreams) = try await judged(appends)
            do {
                return try await base.append(pinned)
            } catch EventLogError.wrongExpectedVersion(let stream, let expected, let actual) where pinnedStreams.contains(stream) && attempt < attempts {
                _ = (expected, actual)  // Lost a race on a version we pinned: judge again on the new state.
                continue
            }
        }
    }

    /// The request with expected versions pinned to what was read, and the streams pinned; throws the refusal.
    private func judged(_ appends: [StreamAppend]) async throws -> ([StreamAppend], Set<StreamName>) {
        let gate = MarriageGate(settings: rules.settings, pseudonyms: rules.pseudonyms)
        var toRead = appends.map(\.stream).filter { rules.governs($0) }
        toRead += gate.streamsToRead(for: appends)
        var histories: [StreamName: [PastEvent]] = [:]
        var versions: [StreamName: UInt64?] = [:]
        for stream in toRead where histories[stream] == nil {
            let history = try await readWhole(stream)
            histories[stream] = history.map(PastEvent.init)
            // updateValue, not subscript assignment: a nil version (no stream yet) must be kept, not remove the key.
            versions.updateValue(history.last?.version, forKey: stream)
        }
        let violations = rules.violations(of: appends, histories: histories, today: today())
        guard violations.isEmpty else { throw RuleRefusal(violations: violations) }
        var pinned: Set<StreamName> = []
        var result = appends.map { append -> StreamAppend in
            var append = append
            if append.expected == .any, let version = versions[append.stream] {
                append.expected = version.map { .exactly($0) } ?? .noStream
                pinned.insert(append.stream)
            }
            return append
        }
        // Streams judged but not written (the other party when only one was sent) are not pinned:
        // the request was refused above unless both parties' streams are in it.
        let claims = gate.claims(for: appends).filter { claim in !appends.contains { $0.stream == claim.stream } }
        result += claims
        // A lost race for a certificate number is judged again too: the second time it is a named violation.
        pinned.formUnion(claims.map(\.stream))
        return (result, pinned)
    }

    private func readWhole(_ stream: StreamName) async throws -> [RecordedEvent] {
        try await base.wholeStream(stream)
    }
}

/// An append the bureau's rules refuse, with every violation.
public struct RuleRefusal: Error, Sendable, CustomStringConvertible {
    public let violations: [RuleViolation]
    public var description: String {
        "The append breaks \(violations.count) rule(s): " + violations.map(\.description).joined(separator: "; ")
    }
}
