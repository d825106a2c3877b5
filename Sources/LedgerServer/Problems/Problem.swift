import EventLog
import Hummingbird

/// An RFC 9457 problem: what was wrong, sent as `application/problem+json`.
///
/// Throw one from a route (or any error the mapping knows) and the server answers with it;
/// a refused request has changed nothing.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public var type: ProblemType
    /// One sentence for a person, specific to this occurrence.
    public var detail: String
    /// Extension members in order, each value already JSON text.
    public var members: [Member]
    /// Extra response headers, e.g. `Retry-After` or `WWW-Authenticate`.
    public var headers: HTTPFields

    /// One extension member of the problem document.
    public struct Member: Sendable, Equatable {
        public let name: String
        public let json: [UInt8]

        public static func string(_ name: String, _ value: String) -> Member { Member(name: name, json: JSONString.quoted(value)) }
        public static func number(_ name: String, _ value: UInt64) -> Member { Member(name: name, json: Array(String(value).utf8)) }
        public static func number(_ name: String, _ value: UInt64?) -> Member {
            Member(name: name, json: Array((value.map(String.init) ?? "null").utf8))
        }
        public static func violations(_ list: [Violation]) -> Member {
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (i, v) in list.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += v.json()
            }
            out.append(UInt8(ascii: "]"))
            return Member(name: "violations", json: out)
        }
    }

    public init(_ type: ProblemType, detail: String, members: [Member] = [], headers: HTTPFields = [:]) {
        self.type = type
        self.detail = detail
        self.members = members
        self.headers = headers
    }

    public var description: String { "\(type.slug): \(detail)" }

    /// The problem document.
    public func json() -> [UInt8] {
        var out = Array(#"{"type":"#.utf8) + JSONString.quoted(type.uri)
        out += Array(#","title":"#.utf8) + JSONString.quoted(type.title)
        out += Array(#","status":\#(type.status),"detail":"#.utf8) + JSONString.quoted(detail)
        for member in members {
            out.append(UInt8(ascii: ","))
            out += JSONString.quoted(member.name)
            out.append(UInt8(ascii: ":"))
            out += member.json
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}

/// One reason a payload was refused, located by a JSON pointer (filled by later modules' checks).
public struct Violation: Sendable, Equatable {
    /// Where in the request body, e.g. `/events/0/data/householdId`.
    public var pointer: String
    /// The JSON Schema keyword (or rule name) that failed.
    public var keyword: String
    public var schemaLocation: String
    public var message: String

    public init(pointer: String, keyword: String, schemaLocation: String, message: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.schemaLocation = schemaLocation
        self.message = message
    }

    func json() -> [UInt8] {
        Array(#"{"pointer":"#.utf8) + JSONString.quoted(pointer) + Array(#","keyword":"#.utf8) + JSONString.quoted(keyword)
            + Array(#","schemaLocation":"#.utf8) + JSONString.quoted(schemaLocation)
            + Array(#","message":"#.utf8) + JSONString.quoted(message) + [UInt8(ascii: "}")]
    }
}

extension Problem: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: type.status) }

    public func response(from request: Request, context: some RequestContext) throws -> Response { response() }

    /// The response that carries this problem.
    public func response() -> Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json())))
    }
}
