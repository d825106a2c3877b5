import JSON

/// A domain rule an append does not satisfy: which rule, which record, where in the payload,
/// and one sentence a clerk can act on (what would satisfy it). Over HTTP: a 422 problem.
public struct RuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier, `<domain>.<rule>` (e.g. `marriage.party-under-age`).
    public let rule: String
    /// The record the rule judged: a stream, a case or application id.
    public let record: String
    /// A JSON pointer into the event's payload, when one field is at fault.
    public let pointer: String?
    /// What is wrong and what would satisfy the rule.
    public let message: String

    public init(rule: String, record: String, pointer: String? = nil, message: String) {
        self.rule = rule
        self.record = record
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "\(rule) (\(record)\(pointer.map { " at \($0)" } ?? "")): \(message)" }

    /// `{"rule", "record", "pointer"?, "message"}`, as problem documents and `--json` errors list it.
    public var json: JSONValue {
        var object = JSONObject()
        object["rule"] = .string(rule)
        object["record"] = .string(record)
        if let pointer { object["pointer"] = .string(pointer) }
        object["message"] = .string(message)
        return .object(object)
    }
}
