import JSON

/// One way an instance breaks its schema.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the problem is (the root pointer for the whole document).
    public let instanceLocation: JSONPointer
    /// The schema keyword that failed, e.g. `format` or `required`.
    public let keyword: String
    /// JSON Pointer to the failing keyword inside the schema document, e.g. `/properties/visitDate/format`.
    public let schemaLocation: String
    /// One plain English sentence saying what is wrong and what was found.
    public let message: String

    public init(instanceLocation: JSONPointer, keyword: String, schemaLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keyword = keyword
        self.schemaLocation = schemaLocation
        self.message = message
    }

    public var description: String { "\(message) [\(keyword) at \(schemaLocation)]" }
}
