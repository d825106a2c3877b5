import EventLog
import JSON

/// The rules of one kind of stream (a category): folds the stream's history into a record and
/// judges each proposed event against the record as it would be, in request order.
struct StreamJudge: Sendable {
    let category: String
    let judge: @Sendable (_ history: [PastEvent], _ proposed: [ProposedEvent], _ today: CalendarDay) -> [RuleViolation]

    /// A judge from a record type's fold and check.
    static func folding<Record: Sendable>(
        _ category: String, initial: Record,
        apply: @escaping @Sendable (String, JSONValue, Record) -> Record,
        check: @escaping @Sendable (String, JSONValue, Record, CalendarDay) -> [RuleViolation]
    ) -> StreamJudge {
        StreamJudge(category: category) { history, proposed, today in
            var record = initial
            for event in history { record = apply(event.type, event.payload, record) }
            var violations: [RuleViolation] = []
            for event in proposed {
                let payload = payloadValue(event.payload)
                violations += check(event.type, payload, record, today)
                record = apply(event.type, payload, record)
            }
            return violations
        }
    }
}

/// A payload as a JSON value; the catalog has already refused anything that is not an object.
func payloadValue(_ bytes: [UInt8]) -> JSONValue {
    (try? JSONParser().parse(bytes)) ?? .null
}
