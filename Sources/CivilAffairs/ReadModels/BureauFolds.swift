import EventLog
import JSON
import Projections

/// The bureau's records as of any moment (`GET /v1/entities/{entity}/{key}?asOf=` and the
/// questions' `asOf`): each folds the record's own stream with the same code as its live read
/// model, so a record now and a record then look the same.
public enum BureauFolds {
    public static func all(settings: CivilAffairsSettings) -> [any EntityFold] {
        [
            RecordFold(entity: "relief-case", category: "reliefcase", initial: { ReliefCaseView.initial(caseId: $0) },
                       fold: { ReliefCaseView.adding($1, to: $0, settings: settings) }),
            RecordFold(entity: "household", category: "household", initial: { HouseholdView.initial($0) },
                       fold: { HouseholdView.adding($1, to: $0, settings: settings) }),
            RecordFold(entity: "social-work-project", category: "swproject", initial: { ProjectView.initial($0) },
                       fold: { ProjectView.adding($1, to: $0, settings: settings) }),
            // `person/<pseudonym>`: the route turns an ID number into the pseudonym.
            RecordFold(entity: "person", category: "marital", initial: { PersonView.initial($0) },
                       fold: { PersonView.adding($1, to: $0) }),
        ]
    }
}

/// One kind of record, kept in streams `<category>-<key>`.
struct RecordFold: EntityFold {
    let entity: String
    let category: String
    let initial: @Sendable (String) -> JSONValue
    let fold: @Sendable (JSONValue, ProjectedEvent) -> JSONValue

    func stream(for key: String) throws -> StreamName { try StreamName(category + "-" + key) }
    func initial(key: String) -> JSONValue { initial(key) }
    func fold(_ state: JSONValue, _ event: ProjectedEvent) throws -> JSONValue { fold(state, event) }
}
