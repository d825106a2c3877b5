import JSON
import JSONSchema

/// Why the catalog could not be loaded; the whole catalog is refused, never part of it.
public struct CatalogLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong, as a value that can grow new cases without breaking callers.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable {
            case notFound(searched: [String])
            case unreadable(String)
            case notJSON(JSONParseError)
            case misplaced
            case unsupportedSchema(SchemaCompileError.Reason)
            case headerMismatch(keyword: String, expected: String)
            case invalidUpcast(String)
            case empty
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// No folder holding `Schemas/events` was found in any of the places searched.
        public static func notFound(searched: [String]) -> Reason { Reason(.notFound(searched: searched)) }
        /// The file or folder could not be read.
        public static func unreadable(_ why: String) -> Reason { Reason(.unreadable(why)) }
        /// The file is not JSON.
        public static func notJSON(_ error: JSONParseError) -> Reason { Reason(.notJSON(error)) }
        /// The file is not at `events/<domain>/<Type>.v<N>.schema.json`.
        public static let misplaced = Reason(.misplaced)
        /// The validator cannot honour the schema (an unsupported keyword, format, or a malformed value).
        public static func unsupportedSchema(_ reason: SchemaCompileError.Reason) -> Reason { Reason(.unsupportedSchema(reason)) }
        /// `title`, `x-event-type` or `x-version` disagrees with the file's name.
        public static func headerMismatch(keyword: String, expected: String) -> Reason {
            Reason(.headerMismatch(keyword: keyword, expected: expected))
        }
        /// The `x-upcast` declaration of a version N > 1 is missing or malformed.
        public static func invalidUpcast(_ why: String) -> Reason { Reason(.invalidUpcast(why)) }
        /// The folder holds no schema at all.
        public static let empty = Reason(.empty)

        public var description: String {
            switch value {
            case .notFound(let searched):
                "no Schemas/events folder was found (looked in \(searched.joined(separator: ", "))); "
                    + "give one with --schemas DIR or \(SchemasDirectory.environmentVariable)"
            case .unreadable(let why): "it cannot be read: \(why)"
            case .notJSON(let error): "it is not valid JSON: \(error)"
            case .misplaced: "schema files must be named events/<domain>/<Type>.v<N>.schema.json (domain in lower case, N from 1)"
            case .unsupportedSchema(let reason): "\(reason)"
            case .headerMismatch(let keyword, let expected): "\"\(keyword)\" must be \(expected), as the file name says"
            case .invalidUpcast(let why): why
            case .empty: "it holds no schema files"
            }
        }
    }

    /// What was wrong.
    public let reason: Reason
    /// The file (or folder) at fault, relative to the Schemas folder's parent when possible.
    public let file: String
    /// JSON Pointer to the offending place inside the schema, when the problem is inside one.
    public let schemaLocation: String?

    public init(_ reason: Reason, file: String, schemaLocation: String? = nil) {
        self.reason = reason
        self.file = file
        self.schemaLocation = schemaLocation
    }

    public var description: String {
        let place = schemaLocation.map { "\(file), schema location \"\($0)\"" } ?? file
        return "The event catalog cannot be loaded: \(place): \(reason)."
    }
}
