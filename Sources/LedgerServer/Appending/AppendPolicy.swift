import EventLog

/// A gate every append passes before it reaches the writer's queue, in the request's own task.
///
/// The catalog plugs in here to validate payloads against their schemas and refuse with a 422
/// problem listing each violation. The server's default has no gate.
public protocol AppendPolicy: Sendable {
    /// Throws a problem (422 with `violations`, or 403) to refuse the whole request.
    func check(_ appends: [StreamAppend], by principal: Principal) async throws(Problem)
}

/// Admits every append; what the server uses when nothing else is configured.
public struct AdmitEveryAppend: AppendPolicy {
    public init() {}
    public func check(_ appends: [StreamAppend], by principal: Principal) async throws(Problem) {}
}
