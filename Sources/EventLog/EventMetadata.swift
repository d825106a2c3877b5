import Foundation

/// The metadata keys the ledger knows. Others are kept as sent but mean nothing to the log.
public enum EventMetadata {
    /// Who appended, as the service authenticated them (never the client's own word).
    public static let actor = "actor"
    /// Whom the actor acted for, as the client said.
    public static let onBehalfOf = "onBehalfOf"
    public static let source = "source"
    /// Groups the events of one business transaction; indexed.
    public static let correlationId = "correlationId"
    public static let causationId = "causationId"
    public static let knownKeys = [actor, onBehalfOf, source, correlationId, causationId]
}
