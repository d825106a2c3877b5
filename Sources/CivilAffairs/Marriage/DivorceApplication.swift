import JSON

/// A divorce application as folded from its `divorce-<applicationId>` stream: where it was
/// received, its calendar, and how it ended.
public struct DivorceApplication: Sendable, Equatable {
    public enum Outcome: String, Sendable { case open, withdrawn, lapsed, registered, refused }

    public let applicationId: String
    public let office: String
    public let windows: DivorceWindows
    public let marriageCertificate: String
    public private(set) var outcome: Outcome = .open

    /// The application from its receipt event; nil when the payload is not one.
    public init?(received payload: JSONValue, settings: CivilAffairsSettings) {
        guard let id = payload["applicationId"]?.stringValue, let office = payload["office"]?.stringValue,
              let receipt = payload["receiptDate"]?.stringValue.flatMap({ CalendarDay($0) }),
              let certificate = payload["marriageCertificateNumber"]?.stringValue else { return nil }
        applicationId = id
        self.office = office
        marriageCertificate = certificate
        windows = DivorceWindows(received: receipt, coolingOffDays: settings.divorceCoolingOffDays,
                                 registrationDays: settings.divorceRegistrationDays, calendar: settings.restDays)
    }

    /// The application after a later event of its stream.
    public func applying(type: String) -> DivorceApplication {
        var next = self
        switch type {
        case "marriage.DivorceApplicationWithdrawn": next.outcome = .withdrawn
        case "marriage.DivorceApplicationLapsed": next.outcome = .lapsed
        case "marriage.DivorceRegistered": next.outcome = .registered
        case "marriage.DivorceRegistrationRefused": next.outcome = .refused
        default: break
        }
        return next
    }
}
