import Crypto
import EventLog
import Foundation
import JSON

/// The marriage rules that span streams: a registration is appended to both parties' own
/// `marital-<pseudonym>` streams in one request, judged against both their statuses, and claims
/// its certificate number's stream `certificate-<number>` (expected: no stream), so that of two
/// clerks registering the same person — or issuing the same number — at once, exactly one succeeds.
struct MarriageGate {
    static let category = "marital"
    static let certificateCategory = "certificate"
    /// Events that issue a certificate number.
    static let issuing: Set<String> = ["marriage.MarriageRegistered", "marriage.DivorceRegistered", "marriage.CertificateReissued"]

    let settings: CivilAffairsSettings
    let pseudonyms: PseudonymKey?

    /// A person's marital stream.
    static func stream(of number: IDNumber, key: PseudonymKey) -> StreamName? {
        try? StreamName("\(category)-\(key.pseudonym(of: number))")
    }

    /// Streams whose history the rules need beyond the request's own: both parties of every
    /// registration, and the stream of every certificate number issued.
    func streamsToRead(for appends: [StreamAppend]) -> [StreamName] {
        var streams: [StreamName] = claims(for: appends).map(\.stream)
        for append in appends where append.stream.category == Self.category {
            for event in append.events where event.type == "marriage.MarriageRegistered" {
                let named = MarriageRegistrationRules(settings: settings).parties(of: payloadValue(event.payload), record: append.stream.rawValue)
                if let pseudonyms { streams += named.parties.compactMap { Self.stream(of: $0, key: pseudonyms) } }
            }
        }
        return streams
    }

    func violations(of appends: [StreamAppend], histories: [StreamName: [PastEvent]], today: CalendarDay) -> [RuleViolation] {
        var found: [RuleViolation] = []
        for claim in claims(for: appends) where !(histories[claim.stream] ?? []).isEmpty {
            let number = claim.stream.rawValue.dropFirst(Self.certificateCategory.count + 1)
            found.append(RuleViolation(rule: "marriage.certificate-number-used", record: claim.stream.rawValue, pointer: "/certificateNumber",
                                       message: "Certificate number \(number) was already issued; certificate numbers are unique."))
        }
        var judged: Set<String> = []
        let rules = MarriageRegistrationRules(settings: settings)
        for append in appends where append.stream.category == Self.category {
            for event in append.events where event.type == "marriage.MarriageRegistered" {
                let payload = payloadValue(event.payload)
                let certificate = payload["certificateNumber"]?.stringValue ?? "?"
                let record = "certificate-\(certificate)"
                let named = rules.parties(of: payload, record: record)
                guard let pseudonyms else {
                    found.append(RuleViolation(rule: "marriage.no-pseudonym-key", record: record,
                                               message: "This ledger has no pseudonym key, so persons' streams cannot be named; create one with `civic-ledger init` on a new ledger or give --pseudonym-key."))
                    continue
                }
                let streams = named.parties.compactMap { Self.stream(of: $0, key: pseudonyms) }
                if streams.count == 2, !streams.contains(append.stream) {
                    found.append(RuleViolation(rule: "marriage.stream-not-a-party", record: append.stream.rawValue,
                                               message: "This registration names neither party of stream \(append.stream.rawValue); append it to each party's own marital stream."))
                }
                guard judged.insert(certificate).inserted else { continue }
                guard streams.count == 2 else {
                    found += named.violations
                    continue
                }
                for stream in streams where !appends.contains(where: { $0.stream == stream && $0.events.contains { $0.type == event.type && payloadValue($0.payload)["certificateNumber"]?.stringValue == certificate } }) {
                    found.append(RuleViolation(rule: "marriage.both-parties-required", record: record,
                                               message: "A registration is appended to both parties' marital streams in one request; \(stream.rawValue) is missing."))
                }
                let statuses = streams.map { stream in
                    (histories[stream] ?? []).reduce(MaritalStatus.noMarriageRecorded) { $0.applying(type: $1.type, payload: $1.payload) }
                }
                found += rules.check(payload, statuses: statuses, today: today, record: record)
            }
        }
        return found
    }

    /// The certificate claims to add to a request: one `certificate-<number>` stream per number issued.
    func claims(for appends: [StreamAppend]) -> [StreamAppend] {
        var claims: [String: StreamAppend] = [:]
        for append in appends {
            for event in append.events where Self.issuing.contains(event.type) {
                guard let number = payloadValue(event.payload)["certificateNumber"]?.stringValue, claims[number] == nil,
                      let stream = try? StreamName("\(Self.certificateCategory)-\(number)") else { continue }
                // The claim's id is derived from the event's, so a retried request claims with the same id.
                let claim = ProposedEvent(id: Self.derivedID(from: event.id), type: event.type, payload: event.payload, metadata: event.metadata)
                claims[number] = StreamAppend(stream: stream, expected: .noStream, events: [claim])
            }
        }
        return claims.keys.sorted().map { claims[$0]! }
    }

    /// A UUID (version 8, RFC 9562) from the SHA-256 of another id and a label.
    static func derivedID(from id: UUID) -> UUID {
        NamedEventID.make(Array(withUnsafeBytes(of: id.uuid) { Array($0) }) + Array("certificate-claim".utf8))
    }
}
