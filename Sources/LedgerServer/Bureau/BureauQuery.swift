import CivilAffairs
import Hummingbird
import HummingbirdCore

/// The query parameters of the bureau's questions: filters, a business date, paging.
struct BureauQuery {
    let parameters: [String: String]
    let limit: Int
    let after: String?
    let minPosition: UInt64?

    init(_ uri: URI, configuration: LedgerServerConfiguration, allowed: Set<String>) throws(Problem) {
        var parameters: [String: String] = [:]
        for (name, value) in uri.queryParameters { parameters[String(name)] = String(value) }
        let known = allowed.union(["limit", "after", "minPosition"])
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw ReadQuery.invalid(unknown, "is not a parameter of this question; it takes: \(known.sorted().joined(separator: ", "))")
        }
        self.parameters = parameters
        if let text = parameters["limit"] {
            guard let value = Int(text), (1...configuration.maxPageSize).contains(value) else {
                throw ReadQuery.invalid("limit", "must be an integer from 1 to \(configuration.maxPageSize)")
            }
            limit = value
        } else {
            limit = configuration.defaultPageSize
        }
        after = parameters["after"]
        if let text = parameters["minPosition"] {
            guard let value = UInt64(text) else { throw ReadQuery.invalid("minPosition", "must be a log position (a non-negative integer)") }
            minPosition = value
        } else {
            minPosition = nil
        }
        for name in ["prefix", "after"] where (parameters[name]?.utf8.count ?? 0) > 400 {
            throw ReadQuery.invalid(name, "is too long")
        }
    }

    /// A key segment from a filter: letters, digits and dashes only, so it cannot reach into another index.
    func segment(_ name: String) throws(Problem) -> String? {
        guard let value = parameters[name] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 64,
              value.unicodeScalars.allSatisfy({ ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" }) else {
            throw ReadQuery.invalid(name, "must be letters, digits and dashes")
        }
        return value
    }

    /// The business date a question is asked on (`date=YYYY-MM-DD`; default today, China Standard Time).
    func date() throws(Problem) -> CalendarDay {
        guard let text = parameters["date"] else { return CalendarDay.today() }
        guard let day = CalendarDay(text) else { throw ReadQuery.invalid("date", "must be a date (YYYY-MM-DD)") }
        return day
    }
}
