import CivilAffairs
import Hummingbird
import HummingbirdCore
import Projections

/// The query parameters of the bureau's questions: the projection routes' paging, `minPosition`
/// and `asOf` (`ProjectionQuery`), plus each question's filters and a business date. A parameter
/// the question does not take is refused, so a misspelt filter is not silently ignored.
struct BureauQuery {
    let parameters: [String: String]
    let projection: ProjectionQuery

    var limit: Int { projection.limit }
    var after: String? { projection.after }
    var minPosition: UInt64? { projection.minPosition }
    var asOf: AsOf? { projection.asOf }
    var asOfText: String? { projection.asOfText }

    init(_ uri: URI, configuration: LedgerServerConfiguration, allowed: Set<String>) throws(Problem) {
        var parameters: [String: String] = [:]
        for (name, value) in uri.queryParameters { parameters[String(name)] = String(value) }
        let known = allowed.union(["limit", "after", "minPosition"])
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw ReadQuery.invalid(unknown, "is not a parameter of this question; it takes: \(known.sorted().joined(separator: ", "))")
        }
        self.parameters = parameters
        projection = try ProjectionQuery(uri, configuration: configuration)
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
