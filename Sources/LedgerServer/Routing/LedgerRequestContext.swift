import Hummingbird
import NIOCore
import Synchronization

/// The request context of every route: Hummingbird's core plus who is asking.
public struct LedgerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The key that authenticated the request; nil when it carried no token.
    public var principal: Principal?
    /// Shared with the request log, which runs outside authentication and still names the actor.
    let notes = RequestNotes()
    /// The connection, which a subscription closes when its client stops reading.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}

/// What inner middleware learns about a request that outer middleware reports.
final class RequestNotes: Sendable {
    private let actorName = Mutex<String?>(nil)

    var actor: String? {
        get { actorName.withLock { $0 } }
        set { actorName.withLock { $0 = newValue } }
    }
}
