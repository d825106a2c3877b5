import EventLog
import JSON

/// A projection that keeps one small value per stream and changes it from each event's header
/// alone (never the payload or metadata): counts, last positions, types seen.
///
/// The engine then runs it on a fast path: it reads headers without copying records, keeps each
/// touched stream's value as a native Swift value for the whole chunk, and writes every changed
/// value once per chunk, straight to canonical JSON bytes. `apply` (the general path, still
/// required) must store the same JSON as the fast path for the same events.
public protocol StreamStateProjection: Projection {
    associatedtype StreamState: Sendable

    /// The state key under which a stream's value is stored.
    func key(forStream stream: StreamName) -> String
    /// A stream's value before its first event.
    func initial(stream: StreamName) -> StreamState
    /// The value back from the JSON stored for `stream` (throws when it is not a value this
    /// projection writes).
    func state(from stored: JSONValue, stream: StreamName) throws -> StreamState
    /// Changes `state` for one event of its stream; throwing stops the projection at this event,
    /// as throwing from `apply` does.
    func add(_ event: EventHeader, to state: inout StreamState) throws
    /// Appends the value's JSON exactly as `JSONWriter(style: .canonical)` writes it.
    func writeCanonicalJSON(_ state: StreamState, into bytes: inout [UInt8])
}

/// Committed values of one `StreamStateProjection` generation, by stream name, kept between
/// chunks (writer thread only; see `StateCache`).
final class StreamStates<State>: TypedStateValues {
    var values: [StreamName: State] = [:]

    var count: Int { values.count }

    func removeAll() { values.removeAll(keepingCapacity: true) }

    /// The values kept for a generation, made on first use.
    static func cached(in cache: StateCache.Values) -> StreamStates<State> {
        if let known = cache.typed as? StreamStates<State> { return known }
        let fresh = StreamStates<State>()
        cache.typed = fresh
        return fresh
    }
}
