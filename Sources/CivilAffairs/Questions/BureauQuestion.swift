/// One of the bureau's questions: `GET /v1/q/<name>[/{id}]` over HTTP and
/// `civic-ledger query <name> [ID] [NAME=VALUE ...]` on the command line, answered alike.
public struct BureauQuestion: Sendable {
    /// How the answer is read from the read models.
    public enum Shape: Sendable {
        /// A page of a read model under the prefix the filters make.
        case page(prefix: @Sendable (QuestionParameters) throws(QuestionError) -> String)
        /// One record by id: live from the read model (`keyPrefix` + id), or folded as entity
        /// `entity` from its stream when asked `asOf` a moment.
        case record(keyPrefix: String, entity: String)
        /// Open items under the prefix, each marked with whether its `due` day passed on `date`.
        case deadlines(prefix: @Sendable (QuestionParameters) throws(QuestionError) -> String)
        /// Items whose next deadline (`due/<date>/<id>`) lies before `date`.
        case overdue
        /// Open divorce applications under the prefix, each with the phase of its calendar on `date`.
        case divorcePhases(prefix: String)
        /// A person's marital record by identity card number (pseudonymised at once).
        case maritalStatus
        /// The work plan's targets as of `date`.
        case workPlan
    }

    public let name: String
    /// The id a record question takes (`caseId`), nil for a question about many.
    public let idName: String?
    public let projection: String
    /// The parameters the question takes besides paging and `minPosition`.
    public let parameters: Set<String>
    public let shape: Shape

    /// The HTTP route: `/v1/q/relief-cases/{caseId}`.
    public var path: String { "/v1/q/" + name + (idName.map { "/{\($0)}" } ?? "") }

    init(_ name: String, id idName: String? = nil, projection: String, parameters: Set<String> = [], _ shape: Shape) {
        self.name = name
        self.idName = idName
        self.projection = projection
        self.parameters = parameters
        self.shape = shape
    }
}
