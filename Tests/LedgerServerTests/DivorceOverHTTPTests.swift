import CivilAffairs
import Foundation
import LedgerServer
import Testing

/// A divorce by registration over HTTP: the calendar's edges refused by name, the application
/// read as of several moments, and the lapse the service records on its own.
@Suite("divorces over HTTP")
struct DivorceOverHTTPTests {
    static let partyA = #"{"idNumber":"330481199607150134","name":"徐浩然","sex":"male","birthDate":"1996-07-15"}"#
    static let partyB = #"{"idNumber":"330481199802280268","name":"顾佳怡","sex":"female","birthDate":"1998-02-28"}"#

    func received(_ id: String, on day: String) -> String {
        #"[{"type":"marriage.DivorceApplicationReceived","data":{"applicationId":"\#(id)","office":"330481","receiptDate":"\#(day)","partyA":\#(Self.partyA),"partyB":\#(Self.partyB),"marriageCertificateNumber":"J330481-2024-000310","agreementSubmitted":true}}]"#
    }

    func withdrawn(_ id: String, on day: String) -> String {
        #"[{"type":"marriage.DivorceApplicationWithdrawn","data":{"applicationId":"\#(id)","office":"330481","withdrawnDate":"\#(day)","withdrawnBy":"partyA","withdrawingIdNumber":"330481199607150134"}}]"#
    }

    func registered(_ id: String, on day: String, office: String = "330481", certificate: String = "L330481-2026-000021") -> String {
        #"[{"type":"marriage.DivorceRegistered","data":{"applicationId":"\#(id)","office":"\#(office)","registrationDate":"\#(day)","certificateNumber":"\#(certificate)","partyA":\#(Self.partyA),"partyB":\#(Self.partyB),"marriageCertificateNumber":"J330481-2024-000310"}}]"#
    }

    @Test("received on 2026-03-02: withdrawal to day 30, registration from day 31 to day 60 at the receiving office")
    func theCalendarsEdges() async throws {
        try await BureauServer.with { server in
            let id = "DA330481-2026-000045", stream = "divorce-DA330481-2026-000045"
            let receipt = try await server.append(stream, received(id, on: "2026-03-02")).lastPosition()
            // Day 31 is past the cooling-off: no withdrawal; day 30 is still in it: no registration.
            let lateWithdrawal = try await server.append(stream, withdrawn(id, on: "2026-04-02"))
            #expect(lateWithdrawal.status == 422)
            #expect(lateWithdrawal.violatedRules == ["marriage.withdrawal-outside-cooling-off"])
            let early = try await server.append(stream, registered(id, on: "2026-04-01"))
            #expect(early.violatedRules == ["marriage.registration-outside-window"])
            // Day 61: the window has closed; day 60 at another office: the wrong office.
            let late = try await server.append(stream, registered(id, on: "2026-05-02"))
            #expect(late.violatedRules == ["marriage.registration-outside-window"])
            let elsewhere = try await server.append(stream, registered(id, on: "2026-05-01", office: "330482"))
            #expect(elsewhere.violatedRules == ["marriage.registration-at-other-office"])
            // Nothing of those was written.
            let version = try await server.get("/v1/streams/\(stream)/version")
            #expect(version.json["version"] as? Int == 0, "\(version.text)")

            // In cooling-off, listed with its windows.
            let listed = try await server.get("/v1/q/divorces-in-cooling-off?minPosition=\(receipt)", as: .reader)
            let open = (listed.json["items"] as? [[String: Any]])?.first
            #expect(open?["coolingOffEnds"] as? String == "2026-04-01")
            #expect(open?["registrationOpens"] as? String == "2026-04-02")
            #expect(open?["registrationCloses"] as? String == "2026-05-01")
            // Its phase on a given day: day 30, day 31, day 60 and day 61.
            for (day, phase) in [("2026-04-01", "cooling-off"), ("2026-04-02", "registration"), ("2026-05-01", "registration"), ("2026-05-02", "lapsed")] {
                let on = try await server.get("/v1/q/divorces-in-cooling-off?date=\(day)", as: .reader)
                #expect((on.json["items"] as? [[String: Any]])?.first?["phase"] as? String == phase, "\(day): \(on.text)")
                #expect(on.json["date"] as? String == day)
            }

            // Day 60 at the receiving office: registered; the application leaves the cooling-off list.
            let done = try await server.append(stream, registered(id, on: "2026-05-01"))
            #expect(done.status == 201, "\(done.text)")
            let end = try done.lastPosition()
            let after = try await server.get("/v1/q/divorces-in-cooling-off?minPosition=\(end)", as: .reader)
            #expect((after.json["items"] as? [Any])?.isEmpty == true, "\(after.text)")
            let closed = try await server.append(stream, withdrawn(id, on: "2026-04-01"))
            #expect(closed.violatedRules == ["marriage.application-closed"])
            // Day 30 is still the cooling-off: another application is withdrawn then.
            let withdrawing = "DA330481-2026-000047"
            _ = try await server.append("divorce-\(withdrawing)", received(withdrawing, on: "2026-03-02"))
            let inTime = try await server.append("divorce-\(withdrawing)", withdrawn(withdrawing, on: "2026-04-01"))
            #expect(inTime.status == 201, "\(inTime.text)")
            // The certificate number it issued is taken.
            let other = "DA330481-2026-000046"
            _ = try await server.append("divorce-\(other)", received(other, on: "2026-03-02"))
            let reused = try await server.append("divorce-\(other)", registered(other, on: "2026-05-01"))
            #expect(reused.violatedRules == ["marriage.certificate-number-used"])

            // The registration office's month counts it.
            let month = try await server.get("/v1/q/marriage-registrations?office=330481&month=2026-05&minPosition=\(end)", as: .reader)
            #expect((month.json["items"] as? [[String: Any]])?.first?["divorces"] as? Int == 1, "\(month.text)")
        }
    }

    @Test("an application not completed in time lapses: the service records it, once, through the rules")
    func theServiceRecordsTheLapse() async throws {
        try await BureauServer.with(lapseChecks: .milliseconds(200)) { server in
            let today = CalendarDay.today()
            // One whose window closed long ago, one still in its cooling-off.
            let gone = "DA330481-2026-000101", open = "DA330481-2026-000102"
            let old = try await server.append("divorce-\(gone)", received(gone, on: today.adding(days: -100).description))
            #expect(old.status == 201, "\(old.text)")
            let recent = try await server.append("divorce-\(open)", received(open, on: today.adding(days: -3).description))
            #expect(recent.status == 201, "\(recent.text)")
            // The service's next pass records the lapse.
            let deadline = ContinuousClock.now + .seconds(120)
            var events: [[String: Any]] = []
            while ContinuousClock.now < deadline {
                events = (try await server.get("/v1/streams/divorce-\(gone)").json["events"] as? [[String: Any]]) ?? []
                if events.count >= 2 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(events.map { $0["type"] as? String } == ["marriage.DivorceApplicationReceived", "marriage.DivorceApplicationLapsed"])
            let lapse = events.last?["data"] as? [String: Any]
            #expect(lapse?["lapsedDate"] as? String == today.description)
            let windows = DivorceWindows(received: today.adding(days: -100))
            #expect(lapse?["windowEndDate"] as? String == windows.registrationCloses.description)
            #expect((events.last?["metadata"] as? [String: Any])?["actor"] as? String == "service:divorce-lapses")
            // More passes record nothing more, and the open one is left alone.
            try await Task.sleep(for: .seconds(1))
            #expect((try await server.get("/v1/streams/divorce-\(gone)").json["events"] as? [Any])?.count == 2)
            #expect((try await server.get("/v1/streams/divorce-\(open)").json["events"] as? [Any])?.count == 1)
            // A clerk cannot register it now.
            let late = try await server.append("divorce-\(gone)", registered(gone, on: today.description))
            #expect(late.violatedRules.contains("marriage.application-closed"), "\(late.text)")
        }
    }
}
