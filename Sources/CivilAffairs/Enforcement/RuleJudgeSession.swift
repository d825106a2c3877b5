import EventLog

/// The rules over a long run of appends from one writer (an import): each governed stream is
/// read from the store once, then kept up to date with what this session admitted, so that a
/// file's lines are judged in order even before the writer has committed them.
///
/// Only for a process that holds the ledger alone (the import's writer lock): nobody else can
/// append between the reads and the writes, so no versions need pinning.
public struct RuleJudgeSession {
    public let rules: BureauRules
    let reader: any EventReader
    let today: CalendarDay
    private var histories: [StreamName: [PastEvent]] = [:]

    public init(rules: BureauRules, reader: any EventReader, today: CalendarDay = .today()) {
        self.rules = rules
        self.reader = reader
        self.today = today
    }

    /// The request with its certificate claims added, or the refusal; admitted events join the histories.
    public mutating func admit(_ appends: [StreamAppend]) async throws -> [StreamAppend] {
        guard appends.contains(where: { rules.governs($0.stream) }) else { return appends }
        let gate = MarriageGate(settings: rules.settings, pseudonyms: rules.pseudonyms)
        for stream in appends.map(\.stream).filter({ rules.governs($0) }) + gate.streamsToRead(for: appends) where histories[stream] == nil {
            histories[stream] = try await read(stream)
        }
        let violations = rules.violations(of: appends, histories: histories, today: today)
        guard violations.isEmpty else { throw RuleRefusal(violations: violations) }
        let claims = gate.claims(for: appends).filter { claim in !appends.contains { $0.stream == claim.stream } }
        for append in appends + claims where histories[append.stream] != nil || rules.governs(append.stream) {
            histories[append.stream, default: []] += append.events.map(PastEvent.init)
        }
        return appends + claims
    }

    private func read(_ stream: StreamName) async throws -> [PastEvent] {
        try await reader.wholeStream(stream).map(PastEvent.init)
    }
}
