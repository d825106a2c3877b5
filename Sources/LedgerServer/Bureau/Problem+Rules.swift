import CivilAffairs
import JSON

extension ProblemType {
    /// An append the bureau's rules refuse (a step out of order, an under-age party, a payment
    /// before confirmation): 422 with every violated rule, the record, and what would satisfy it.
    public static let ruleViolation = ProblemType("rule-violation", title: "The append breaks a rule of the bureau's records", status: 422)
    /// A query parameter naming a person that is not a valid identity card number.
    public static let invalidIDNumber = ProblemType("invalid-id-number", title: "The identity card number is not valid", status: 400)
    /// The problem kinds the bureau's gate and queries add.
    public static let bureauKinds: [ProblemType] = [.ruleViolation, .invalidIDNumber]
}

extension Problem {
    /// 422 `rule-violation`: `violations` lists each as `{rule, record, pointer?, message}`.
    public init(_ refusal: RuleRefusal) {
        let list = refusal.violations.map(\.json)
        let detail = refusal.violations.map(\.message).joined(separator: " ")
        self.init(.ruleViolation, detail: detail, members: [Member(name: "violations", json: JSONValue.array(list).serializedBytes())])
    }
}
