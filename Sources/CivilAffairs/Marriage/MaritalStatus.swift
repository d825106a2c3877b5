import JSON

/// A person's marital status as the ledger knows it, folded from their `marital-<pseudonym>`
/// stream. A person with no marriage in the ledger may have married before it existed; the
/// rules judge only what the ledger holds.
public enum MaritalStatus: Sendable, Equatable {
    case noMarriageRecorded
    case married(certificate: String, since: CalendarDay)
    case divorced(certificate: String, on: CalendarDay)

    /// The status after one event of the person's stream.
    public func applying(type: String, payload: JSONValue) -> MaritalStatus {
        switch type {
        case "marriage.MarriageRegistered":
            guard let certificate = payload["certificateNumber"]?.stringValue,
                  let day = payload["registrationDate"]?.stringValue.flatMap({ CalendarDay($0) }) else { return self }
            return .married(certificate: certificate, since: day)
        case "marriage.DivorceRegistered":
            guard let certificate = payload["certificateNumber"]?.stringValue,
                  let day = payload["registrationDate"]?.stringValue.flatMap({ CalendarDay($0) }) else { return self }
            return .divorced(certificate: certificate, on: day)
        default:
            return self
        }
    }

    public var isMarried: Bool { if case .married = self { true } else { false } }
}
