/// Why one of the bureau's questions could not be answered; the HTTP routes and
/// `civic-ledger query` each turn it into their own kind of error.
public enum QuestionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is unknown to the question or its value is malformed: the sentence says which and why.
    case invalidParameter(name: String, reason: String)
    /// No record with this id exists (or existed at the moment asked about).
    case notFound(entity: String, id: String)
    /// The identity card number given is not a valid one; the number itself is not repeated.
    case invalidIDNumber(String)
    /// Persons cannot be looked up: the ledger has no pseudonym key.
    case noPseudonymKey
    /// No question of this name (with or without an id).
    case unknownQuestion(String)

    public var description: String {
        switch self {
        case .invalidParameter(let name, let reason): "The query parameter \(name) \(reason)."
        case .notFound(let entity, let id): "No \(entity) \(id) is recorded."
        case .invalidIDNumber(let reason): reason
        case .noPseudonymKey: "This ledger has no pseudonym key, so persons cannot be looked up."
        case .unknownQuestion(let name): "There is no question \(name); the questions are: \(BureauQuestions.names.joined(separator: ", "))."
        }
    }
}
