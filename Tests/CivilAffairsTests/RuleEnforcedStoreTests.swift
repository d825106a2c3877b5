import EventLog
import Foundation
import JSON
import Testing
@testable import CivilAffairs

/// The bureau's rules in front of a real LMDB ledger.
@Suite struct RuleEnforcedStoreTests {
    final class Ledger: @unchecked Sendable {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("civil-affairs-\(UUID())").path
        let base: LMDBEventStore
        let store: RuleEnforcedStore<LMDBEventStore>
        let key = try! PseudonymKey(bytes: Array(0..<32))

        init() throws {
            base = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory))
            store = RuleEnforcedStore(base, rules: BureauRules(settings: CivilAffairsSettings(), pseudonyms: key),
                                      today: { CalendarDay("2026-06-30")! })
        }

        deinit {
            base.close()
            try? FileManager.default.removeItem(atPath: directory)
        }

        func stream(_ name: String) -> StreamName { try! StreamName(name) }

        func marital(_ party: JSONValue) -> StreamName {
            MarriageGate.stream(of: try! IDNumber(party["idNumber"]!.stringValue!), key: key)!
        }

        /// A registration of `a` and `b`, appended to both parties' streams.
        func registration(_ a: JSONValue, _ b: JSONValue, certificate: String, on day: String = "2026-06-01") -> [StreamAppend] {
            let payload: JSONValue = ["office": "330481", "registrationDate": .string(day), "certificateNumber": .string(certificate),
                                      "partyA": a, "partyB": b, "declarationSigned": true]
            let bytes = JSONWriter().bytes(payload)
            return [marital(a), marital(b)].map { StreamAppend(stream: $0, events: [ProposedEvent(type: "marriage.MarriageRegistered", payload: bytes)]) }
        }
    }

    func event(_ type: String, _ payload: JSONValue) -> ProposedEvent {
        ProposedEvent(type: type, payload: JSONWriter().bytes(payload))
    }

    @Test func aRefusedAppendWritesNothingAndNamesTheRule() async throws {
        let ledger = try Ledger()
        let refused = event("assistance.EconomicCheckCompleted", ["caseId": "SA-330481001-2026-00001", "reportDate": "2026-03-09"])
        await #expect {
            try await ledger.store.append([refused], to: ledger.stream("reliefcase-SA-330481001-2026-00001"))
        } throws: { error in
            (error as? RuleRefusal)?.violations.map(\.rule) == ["assistance.step-out-of-order"]
        }
        #expect(try await ledger.base.size() == 0)
    }

    @Test func admittedEventsArePinnedToTheVersionsRead() async throws {
        let ledger = try Ledger()
        let stream = ledger.stream("reliefcase-SA-330481001-2026-00001")
        let received = event("assistance.ApplicationReceived", ["caseId": "SA-330481001-2026-00001", "receiptDate": "2026-03-02", "closeRelativeOfStaff": false])
        let checked = event("assistance.EconomicCheckCompleted", ["caseId": "SA-330481001-2026-00001", "reportDate": "2026-03-09"])
        // Two steps in one request are judged in order.
        let result = try await ledger.store.append([received, checked], to: stream)
        #expect(result.streams.first?.streamVersion == 1)
        // A retry of the same request is the store's idempotent replay, not a "case exists" refusal.
        let replay = try await ledger.store.append([received, checked], to: stream)
        #expect(replay.replayed)
        // Streams the rules do not govern pass straight through.
        _ = try await ledger.store.append([event("rescue.PersonLeft", ["rescueCaseId": "RS-330481-2026-00017", "leftDate": "2026-01-10"])],
                                          to: ledger.stream("rescue-RS-330481-2026-00017"))
        #expect(try await ledger.base.size() == 3)
    }

    @Test func aMarriageIsAppendedToBothPartiesAndClaimsItsCertificate() async throws {
        let ledger = try Ledger()
        let a = party(born: "1990-01-01", sex: .male, sequence: 1)
        let b = party(born: "1992-02-02", sex: .female, sequence: 2)
        let appends = ledger.registration(a, b, certificate: "J330481-2026-000001")
        await #expect {
            try await ledger.store.append([appends[0]])
        } throws: { ($0 as? RuleRefusal)?.violations.map(\.rule) == ["marriage.both-parties-required"] }
        let result = try await ledger.store.append(appends)
        #expect(result.streams.map(\.stream.rawValue).contains("certificate-J330481-2026-000001"))
        // The same certificate number again, for another couple: refused by name.
        let c = party(born: "1991-03-03", sex: .male, sequence: 3)
        let d = party(born: "1993-04-04", sex: .female, sequence: 4)
        await #expect {
            try await ledger.store.append(ledger.registration(c, d, certificate: "J330481-2026-000001"))
        } throws: { ($0 as? RuleRefusal)?.violations.map(\.rule) == ["marriage.certificate-number-used"] }
        // And a married person cannot marry again.
        await #expect {
            try await ledger.store.append(ledger.registration(c, b, certificate: "J330481-2026-000002"))
        } throws: { ($0 as? RuleRefusal)?.violations.map(\.rule) == ["marriage.party-already-married"] }
    }

    /// Two clerks register a marriage for the same person at the same moment: exactly one succeeds.
    @Test func theMarriageRaceHasOneWinner() async throws {
        for round in 0..<10 {
            let ledger = try Ledger()
            let shared = party(born: "1990-01-01", sex: .male, sequence: 10 + round)
            let first = party(born: "1992-02-02", sex: .female, sequence: 20 + round)
            let second = party(born: "1993-03-03", sex: .female, sequence: 30 + round)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for (index, partner) in [first, second].enumerated() {
                    let appends = ledger.registration(shared, partner, certificate: "J330481-2026-00010\(index)")
                    group.addTask {
                        do {
                            _ = try await ledger.store.append(appends)
                            return "registered"
                        } catch let refusal as RuleRefusal {
                            return refusal.violations.map(\.rule).joined()
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.sorted() == ["marriage.party-already-married", "registered"], "round \(round): \(outcomes)")
        }
    }
}
