import EventLog
import Foundation
import JSON

/// The lapse of a divorce application (视为撤回, Civil Code art. 1077): when the parties have not
/// both returned by the last day of the registration window, the application is treated as
/// withdrawn. The service records it itself, so the lapse is an event in the log, not a silent state.
public enum DivorceLapse {
    /// Who records lapses, in the events' metadata.
    public static let actor = "service:divorce-lapses"

    /// The appends that record the lapse of each application in `applications` (as the `marriage`
    /// read model keeps them: `applicationId`, `office`, `registrationCloses`, `outcome`) that is
    /// still open and whose window closed before `today`. Each event's id is derived from its
    /// application, so a pass that is repeated, or retried after a crash, records a lapse once.
    public static func due(_ applications: [JSONValue], today: CalendarDay) -> [StreamAppend] {
        applications.compactMap { application in
            guard application["outcome"]?.stringValue == "open",
                  let id = application["applicationId"]?.stringValue, let office = application["office"]?.stringValue,
                  let closes = application["registrationCloses"]?.stringValue.flatMap({ CalendarDay($0) }), closes < today,
                  let stream = try? StreamName("divorce-" + id)
            else { return nil }
            let payload: JSONValue = [
                "applicationId": .string(id), "office": .string(office), "lapsedDate": .string(today.description),
                "windowEndDate": .string(closes.description), "reason": "not-returned-in-time",
            ]
            let metadata: JSONValue = ["actor": .string(actor)]
            let event = ProposedEvent(id: eventID(applicationId: id), type: "marriage.DivorceApplicationLapsed",
                                      payload: payload.serializedBytes(), metadata: metadata.serializedBytes())
            return StreamAppend(stream: stream, expected: .any, events: [event])
        }
    }

    /// The id of the lapse event of application `applicationId`.
    public static func eventID(applicationId: String) -> UUID {
        NamedEventID.make(Array("marriage.DivorceApplicationLapsed/\(applicationId)".utf8))
    }
}
