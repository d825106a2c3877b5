/// What a token may do. Each route names the roles it admits.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// Appends events (of its type prefixes, or all types when it has none) and reads back
    /// the single events it appended, by position or id; may ask a stream's version and the head.
    case appender
    /// Reads events: streams, the whole log, subscriptions (and later, projections).
    case reader
    /// Reads everything (and later, proofs and exports).
    case auditor
    /// Runs the service: metrics and status (and later, rebuilds and backups).
    case `operator`
}

/// Who sent a request: the key its bearer token belongs to.
public struct Principal: Sendable, Equatable {
    /// The key's name, e.g. `clerk-01`; never a person's identifier.
    public let name: String
    public let role: Role
    /// Event type prefixes an appender may append; empty means every type.
    public let typePrefixes: [String]

    public init(name: String, role: Role, typePrefixes: [String] = []) {
        self.name = name
        self.role = role
        self.typePrefixes = typePrefixes
    }

    /// The value recorded as metadata `actor` on every event this key appends.
    public var actor: String { "key:" + name }

    /// Whether this key may append an event of `type`.
    public func mayAppend(type: String) -> Bool {
        role == .appender && (typePrefixes.isEmpty || typePrefixes.contains { type.hasPrefix($0) })
    }
}
