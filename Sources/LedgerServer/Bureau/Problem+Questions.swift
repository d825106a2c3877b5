import CivilAffairs
import Projections

extension Problem {
    /// The problem for a question that could not be answered.
    init(_ error: QuestionError) {
        switch error {
        case .invalidParameter(let name, _):
            self = .invalidParameter(name, error.description)
        case .notFound(let entity, let id):
            self.init(.stateNotFound, detail: error.description, members: [.string("entity", entity), .string("key", id)])
        case .invalidIDNumber:
            self.init(.invalidIDNumber, detail: error.description)
        case .noPseudonymKey:
            self.init(.unavailable, detail: error.description)
        case .unknownQuestion:
            self.init(.notFound, detail: error.description)
        }
    }

    /// Runs a question, turning its errors and the engine's into problems.
    static func answering<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await Problem.projecting(body) } catch let error as QuestionError { throw Problem(error) }
    }
}
