import JSON

/// Turns a payload of one version of an event type into the next version, for readers.
///
/// Stored events keep their bytes forever; projections read old events through upcasters so
/// they only handle the latest shape.
public struct Upcaster: Sendable {
    /// The event type, e.g. `assistance.ReliefPaid`.
    public let type: String
    /// The version read; the result is version `from + 1`.
    public let from: Int
    private let step: @Sendable (JSONObject) -> JSONObject

    /// An upcaster running `step` on a version `from` payload.
    public init(type: String, from: Int, step: @escaping @Sendable (JSONObject) -> JSONObject) {
        self.type = type
        self.from = from
        self.step = step
    }

    /// The upcaster a schema's `x-upcast` declares: it adds the declared members, with their
    /// values, to the older payload (a member already there is kept).
    public init(type: String, declaration: UpcastDeclaration) {
        let added = declaration.add
        self.init(type: type, from: declaration.from) { payload in
            var upcast = payload
            for member in added { _ = upcast.appendIfAbsent(member.key, member.value) }
            return upcast
        }
    }

    /// The payload as version `from + 1`.
    public func callAsFunction(_ payload: JSONObject) -> JSONObject { step(payload) }
}
