/// Why a schema could not be compiled, and where in the schema document.
public struct SchemaCompileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong, as a value that can grow new cases without breaking callers.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Internal: Hashable, Sendable {
            case unsupportedKeyword(String)
            case invalidValue(keyword: String, expected: String)
            case unresolvableReference(String)
            case unsupportedFormat(String)
            case invalidPattern(String)
            case endlessReference
            case notASchema
        }
        private let value: Internal
        private init(_ value: Internal) { self.value = value }

        /// A keyword this validator does not implement; it is refused rather than ignored.
        public static func unsupportedKeyword(_ keyword: String) -> Reason { Reason(.unsupportedKeyword(keyword)) }
        /// A keyword whose value has the wrong shape, e.g. `"minLength": -1`.
        public static func invalidValue(keyword: String, expected: String) -> Reason {
            Reason(.invalidValue(keyword: keyword, expected: expected))
        }
        /// A `$ref` naming nothing inside the document (remote references are not fetched).
        public static func unresolvableReference(_ reference: String) -> Reason { Reason(.unresolvableReference(reference)) }
        /// A `format` other than `date`, `date-time` and `uuid`.
        public static func unsupportedFormat(_ format: String) -> Reason { Reason(.unsupportedFormat(format)) }
        /// A `pattern` or `patternProperties` key that is not a valid regular expression.
        public static func invalidPattern(_ pattern: String) -> Reason { Reason(.invalidPattern(pattern)) }
        /// References that lead back to the same schema without looking inside the value.
        public static let endlessReference = Reason(.endlessReference)
        /// A schema that is neither an object nor a boolean.
        public static let notASchema = Reason(.notASchema)

        /// The keyword at fault, when there is one.
        public var keyword: String? {
            switch value {
            case .unsupportedKeyword(let keyword), .invalidValue(let keyword, _): keyword
            case .unresolvableReference, .endlessReference: "$ref"
            case .unsupportedFormat: "format"
            case .invalidPattern: "pattern"
            case .notASchema: nil
            }
        }

        public var description: String {
            switch value {
            case .unsupportedKeyword(let keyword): "the keyword \"\(keyword)\" is not supported"
            case .invalidValue(let keyword, let expected): "\"\(keyword)\" must be \(expected)"
            case .unresolvableReference(let reference): "the reference \"\(reference)\" names nothing in this document"
            case .unsupportedFormat(let format):
                "the format \"\(format)\" is not supported (only date, date-time and uuid are checked)"
            case .invalidPattern(let pattern): "\"\(pattern)\" is not a valid regular expression"
            case .endlessReference: "the schema refers back to itself without looking inside the value, so validation would never end"
            case .notASchema: "a schema must be an object or a boolean"
            }
        }
    }

    /// What was wrong.
    public let reason: Reason
    /// JSON Pointer to the offending place in the schema document, e.g. `/properties/a/unevaluatedProperties`.
    public let schemaLocation: String

    public init(_ reason: Reason, at schemaLocation: String) {
        self.reason = reason
        self.schemaLocation = schemaLocation
    }

    public var description: String { "schema location \"\(schemaLocation)\": \(reason)" }
}
