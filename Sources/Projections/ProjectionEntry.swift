import JSON

/// One key of a projection's state and its value.
public struct ProjectionEntry: Sendable, Equatable {
    public let key: String
    public let value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
