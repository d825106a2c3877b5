import EventLog
import JSON

/// Every domain rule the bureau enforces at append, by stream category.
///
/// Streams: `reliefcase-<caseId>` (ReliefRules), `household-<householdId>` (VisitRules),
/// `swproject-<projectId>` (ProjectRules), `divorce-<applicationId>` (DivorceRules) and
/// `marital-<pseudonym>` (MarriageGate, across both parties' streams). Other categories have no
/// rules beyond the catalog's.
public struct BureauRules: Sendable {
    public let settings: CivilAffairsSettings
    /// Nil for a ledger without a pseudonym key: then marriage registrations are refused by name.
    public let pseudonyms: PseudonymKey?
    let judges: [String: StreamJudge]

    public init(settings: CivilAffairsSettings, pseudonyms: PseudonymKey?) {
        self.settings = settings
        self.pseudonyms = pseudonyms
        let relief = ReliefRules(settings: settings)
        let visits = VisitRules(settings: settings)
        let projects = ProjectRules(settings: settings)
        let divorces = DivorceRules(settings: settings)
        let list: [StreamJudge] = [
            .folding("reliefcase", initial: ReliefCase(),
                     apply: { type, payload, record in record.applying(type: type, payload: payload, settings: settings) },
                     check: { type, payload, record, today in relief.check(type: type, payload: payload, case: record, today: today) }),
            .folding("household", initial: Household(),
                     apply: { type, payload, record in record.applying(type: type, payload: payload) },
                     check: { type, payload, record, today in visits.check(type: type, payload: payload, household: record, today: today) }),
            .folding("swproject", initial: SocialWorkProject(),
                     apply: { type, payload, record in record.applying(type: type, payload: payload) },
                     check: { type, payload, record, today in projects.check(type: type, payload: payload, project: record, today: today) }),
            .folding("divorce", initial: DivorceApplication?.none,
                     apply: { type, payload, record in
                         record.map { $0.applying(type: type) } ?? (type == "marriage.DivorceApplicationReceived" ? DivorceApplication(received: payload, settings: settings) : nil)
                     },
                     check: { type, payload, record, today in divorces.check(type: type, payload: payload, application: record, today: today) }),
        ]
        judges = Dictionary(uniqueKeysWithValues: list.map { ($0.category, $0) })
    }

    /// The category of the streams the rules add to a request to claim a certificate number
    /// (`certificate-<number>`): not the client's events.
    public static let claimCategory = MarriageGate.certificateCategory

    /// Whether appends to `stream` are judged by a domain's rules.
    public func governs(_ stream: StreamName) -> Bool {
        judges[String(stream.category)] != nil || stream.category == MarriageGate.category
    }

    /// The violations of a whole request, given each governed stream's history.
    public func violations(of appends: [StreamAppend], histories: [StreamName: [PastEvent]], today: CalendarDay) -> [RuleViolation] {
        var found: [RuleViolation] = []
        for append in appends {
            if let judge = judges[String(append.stream.category)] {
                found += judge.judge(histories[append.stream] ?? [], append.events, today)
            }
        }
        found += MarriageGate(settings: settings, pseudonyms: pseudonyms).violations(of: appends, histories: histories, today: today)
        return found
    }
}
