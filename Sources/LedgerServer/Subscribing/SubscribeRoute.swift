import EventLog
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /v1/subscribe`: the log as server-sent events, from `from`, or after `Last-Event-ID`,
/// or (given neither) from the current end, so only new events arrive. `raw=true` adds each
/// event's record bytes and leaf hash.
struct SubscribeRoute: RouteProvider {
    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    func register(on routes: LedgerRoutes) {
        let server = routes.server
        let raw = RawEvents(server: server)
        routes.get("/v1/subscribe", access: .roles(.readers)) { request, context in
            let query = request.uri.queryParameters
            let filter = try ReadQuery.eventFilter(query)
            let wantsRaw = try RawEvents.requested(request.uri)
            if wantsRaw { _ = try raw.available() }  // refused now, not mid-stream, when there is no log
            let message = raw.message(raw: wantsRaw)
            let start: UInt64
            if let header = request.headers[Self.lastEventID] {
                guard let last = UInt64(header.trimmingCharacters(in: .whitespaces)), last < .max else {
                    throw Problem.invalidParameter("Last-Event-ID", "The Last-Event-ID header must be the position of an event.")
                }
                start = last + 1
            } else if let text = query["from"] {
                guard let from = UInt64(text) else { throw ReadQuery.invalid("from", "must be a non-negative integer") }
                start = from
            } else {
                start = try await server.store.size()
            }
            let channel = context.channel
            let configuration = server.configuration
            let pump = SubscriptionPump(capacity: configuration.subscriberBuffer, heartbeat: configuration.heartbeatInterval,
                                        grace: configuration.heartbeatInterval)
            let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                server.metrics.subscribers(+1)
                defer { server.metrics.subscribers(-1) }
                // Best effort: a platform that refuses the option still has the pump's own bound.
                try? await channel.setOption(ChannelOptions.socketOption(.so_sndbuf), value: SocketOptionValue(configuration.subscriberSocketBuffer)).get()
                let metrics = server.metrics
                let buffer = SubscriberBuffer(capacity: configuration.subscriberBuffer, closed: { metrics.subscriptionEnded(reason: $0.label) }) {
                    metrics.subscriptionEnded(reason: "cut-off")
                    channel.close(promise: nil)
                }
                // The first bytes go out at once, so the client knows it is subscribed.
                try await writer.write(ByteBuffer(string: ": subscribed\n\n"))
                var pacing = EventLoopPacing(eventLoop: channel.eventLoop)
                try await withGracefulShutdownHandler {
                    try await pump.run(server.store.subscribe(from: start, filter: filter), buffer: buffer, message: message) { message in
                        let bytes = message.bytes
                        try await writer.write(ByteBuffer(bytes: bytes))
                        try await pacing.wrote(bytes.count)
                    }
                } onGracefulShutdown: {
                    buffer.close(.shutdown, grace: configuration.heartbeatInterval)
                }
                try await writer.finish(nil)
            })
        }
    }
}
