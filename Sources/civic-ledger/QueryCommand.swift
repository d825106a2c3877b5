import ArgumentParser
import CivilAffairs
import EventLog
import Foundation
import JSON
import Projections

/// `civic-ledger query QUESTION [ID] [NAME=VALUE ...]`: the bureau's questions on a data
/// directory, answered as `GET /v1/q/QUESTION[/ID]?NAME=VALUE...` answers them, beside a running
/// server or without one.
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask one of the bureau's questions; prints the answer as JSON, as GET /v1/q/... does.",
        discussion: """
        QUESTION is the name after /v1/q/ (\(BureauQuestions.names.joined(separator: ", "))).
        ID is the record a question about one record takes (a case id, a household id, a project id,
        an identity card number for marital-status). Parameters are NAME=VALUE, as in the URL:
          civic-ledger query relief-cases status=received town=330481001 limit=20
          civic-ledger query relief-cases SA-330481001-2026-00001 asOf=2026-03-02T08:00:00Z
          civic-ledger query visits-overdue date=2026-06-09
        It reads the projections as they stand (a server beside it keeps them current); with
        minPosition=N it fails (exit 4) while the read model is behind N, rather than waiting.
        Exit 3 for an unknown question, parameter or record (not found), 4 for storage.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var bureauOptions: BureauOptions

    @Argument(help: "The question, as named after /v1/q/.")
    var question: String

    @Argument(help: "The record's id (for a question about one record), then NAME=VALUE parameters.")
    var rest: [String] = []

    func run() async throws {
        try await failing(json: global.json) {
            let (id, values) = try parse(rest)
            let question = try questioning { try BureauQuestions.named(self.question, hasId: id != nil) }
            let rules = try bureauOptions.rules(directory: global.directory, json: global.json)
            let store = try global.open(writing: false, command: "query")
            let upcasters = try ServedProjections.upcasters(try catalogOptions.load(json: global.json), json: global.json)
            let engine = try global.projecting {
                try ProjectionEngine.openReadOnly(directory: global.directory, projections: ServedProjections.projections(settings: rules.settings),
                                                  folds: ServedProjections.folds(settings: rules.settings), log: store, upcasters: upcasters)
            }
            let answerer = BureauAnswerer(engine: engine, rules: rules, readiness: Self.checkOnly(engine: engine, store: store))
            let answer = try await global.projecting { try await questioning { try await answerer.answer(question, id: id, values) } }
            print(String(decoding: answer.serializedBytes(), as: UTF8.self))
        }
    }

    /// An id first (anything without `=`), then NAME=VALUE pairs, each name once.
    private func parse(_ arguments: [String]) throws -> (id: String?, values: [String: String]) {
        var id: String?
        var values: [String: String] = [:]
        for (index, argument) in arguments.enumerated() {
            guard let equals = argument.firstIndex(of: "=") else {
                guard index == 0 else { throw invalid("'\(argument)' is not NAME=VALUE; only the first argument after the question may be a record id") }
                id = argument
                continue
            }
            let name = String(argument[..<equals])
            guard !name.isEmpty else { throw invalid("'\(argument)' has no parameter name before '='") }
            guard values.updateValue(String(argument[argument.index(after: equals)...]), forKey: name) == nil else {
                throw invalid("the parameter \(name) is given twice")
            }
        }
        return (id, values)
    }

    private func invalid(_ message: String) -> CommandFailure {
        CommandFailure(message: "query: " + message + ".", code: "invalid-input", exitCode: CommandFailure.invalidInput, json: global.json)
    }

    /// A question's own errors are the caller's to fix: exit 3.
    private func questioning<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as QuestionError {
            let code = switch error {
            case .invalidParameter: "invalid-parameter"
            case .notFound: "state-not-found"
            case .invalidIDNumber: "invalid-id-number"
            case .noPseudonymKey: "pseudonym-key-unavailable"
            case .unknownQuestion: "unknown-question"
            }
            let exit = error == .noPseudonymKey ? CommandFailure.storage : CommandFailure.invalidInput
            throw CommandFailure(message: error.description, code: code, exitCode: exit, json: global.json)
        }
    }

    private func questioning<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as QuestionError {
            throw CommandFailure(message: error.description, code: "unknown-question", exitCode: CommandFailure.invalidInput, json: global.json)
        }
    }

    /// `minPosition` on the command line: the answer must reflect it now; nothing here moves the
    /// read models forward, so there is nothing to wait for.
    static func checkOnly(engine: ProjectionEngine, store: LMDBEventStore) -> BureauAnswerer.Readiness {
        // A position beyond the head was never acknowledged to anyone: the caller's mistake, as over HTTP.
        @Sendable func inLog(_ position: UInt64) async throws {
            let size = try await store.size()
            guard position >= size else { return }
            throw QuestionError.invalidParameter(name: "minPosition", reason: "is beyond the log's head (\(size == 0 ? "the log is empty" : "position \(size - 1)"))")
        }
        return BureauAnswerer.Readiness(
            projection: { name, position in
                try await inLog(position)
                let status = try await engine.status(of: name)
                guard let reached = status.position, reached >= position else {
                    throw ProjectionError.behind(name: name, position: status.position, wanted: position)
                }
            },
            log: { position, _ in try await inLog(position) })
    }
}
