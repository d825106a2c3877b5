import ArgumentParser
import CivilAffairs
import EventLog
import Foundation
import JSON

/// The bureau's rules: the locality's settings and the persons' pseudonym key.
struct BureauOptions: ParsableArguments {
    @Option(name: .customLong("domain-config"), help: ArgumentHelp(
        "A JSON file of the locality's numbers (notice days, visit intervals, marriage ages, rest days...); default: $CIVIC_LEDGER_DOMAIN_CONFIG, else DOMAIN.md's values.",
        valueName: "file"))
    var domainConfig: String?

    @Option(name: .customLong("pseudonym-key"), help: ArgumentHelp(
        "The persons' pseudonym key (default: $CIVIC_LEDGER_PSEUDONYM_KEY, else pseudonym.key in the data directory).", valueName: "file"))
    var pseudonymKey: String?

    /// The locality's settings, or fails (exit 2) naming the setting at fault.
    func settings(json: Bool) throws -> CivilAffairsSettings {
        guard let path = domainConfig ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_DOMAIN_CONFIG"] else { return CivilAffairsSettings() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(message: "The domain settings file \(path) cannot be read.", code: "invalid-input", exitCode: CommandFailure.invalidInput, json: json)
        }
        do { return try CivilAffairsSettings(json: Array(data)) } catch {
            throw CommandFailure(message: "\(path): \(error.description)", code: "invalid-input", exitCode: CommandFailure.invalidInput, json: json)
        }
    }

    /// The rules for the ledger in `directory`; fails (exit 4) when a key named explicitly cannot be
    /// read. A ledger without its default key file gets rules that refuse marriage registrations by name.
    func rules(directory: String, json: Bool) throws -> BureauRules {
        let explicit = pseudonymKey ?? ProcessInfo.processInfo.environment["CIVIC_LEDGER_PSEUDONYM_KEY"]
        let path = explicit ?? PseudonymKey.path(in: directory)
        do {
            let key = explicit == nil && !FileManager.default.fileExists(atPath: path) ? nil : try PseudonymKey.load(from: path)
            return BureauRules(settings: try settings(json: json), pseudonyms: key)
        } catch let error as PseudonymKeyError {
            throw CommandFailure(message: error.description, code: "pseudonym-key-unavailable", exitCode: CommandFailure.storage, json: json)
        }
    }
}

extension CommandFailure {
    /// The bureau's rules refused: every violation, exit 3 (invalid input).
    init(refusal: RuleRefusal, json: Bool, prefix: String = "") {
        let lines = refusal.violations.map { "  \($0.rule) (\($0.record)\($0.pointer.map { " at \($0)" } ?? "")): \($0.message)" }
        self.init(message: ([prefix + "The bureau's rules refused the append; nothing was written:"] + lines).joined(separator: "\n"),
                  code: "rule-violation", exitCode: CommandFailure.invalidInput, json: json)
        if json {
            let list = JSONValue.array(refusal.violations.map(\.json))
            jsonMembers = Array(#""violations":"#.utf8) + list.serializedBytes()
        }
    }
}
