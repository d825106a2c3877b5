import EventLog
import Foundation
import Hummingbird

/// Single events by position or id, a stream's version, and the head of the log.
///
/// An appender may read back only the events it appended (their metadata `actor` is its key);
/// others answer 404 to it, as if absent, so that it learns nothing of other keys' events.
/// `raw=true` adds the event's record bytes and leaf hash.
struct EventRoutes: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let server = routes.server
        let raw = RawEvents(server: server)
        let eventReaders: Set<Role> = [.reader, .auditor, .appender]
        routes.get("/v1/events/{position}", access: .roles(eventReaders)) { request, context in
            let text = try context.pathParameter("position")
            guard let position = UInt64(text) else {
                throw Problem.invalidParameter("position", "The path parameter position must be a non-negative integer.")
            }
            let wantsRaw = try RawEvents.requested(request.uri)
            let event = try await server.store.event(at: position)
            return try visible(event, to: context.principal, missing: "There is no event at position \(position).", raw: wantsRaw ? raw : nil)
        }
        routes.get("/v1/events/by-id/{id}", access: .roles(eventReaders)) { request, context in
            let text = try context.pathParameter("id")
            guard let id = UUID(uuidString: text) else {
                throw Problem.invalidParameter("id", "The path parameter id must be a UUID.")
            }
            let wantsRaw = try RawEvents.requested(request.uri)
            let event = try await server.store.event(id: id)
            return try visible(event, to: context.principal, missing: "There is no event with id \(text.lowercased()).", raw: wantsRaw ? raw : nil)
        }
        routes.get("/v1/streams/{stream}/version", access: .roles(eventReaders)) { request, context in
            let stream = try context.streamParameter()
            guard let version = try await server.store.version(of: stream) else { throw Problem.streamNotFound(stream) }
            return .json(Array(#"{"stream":"#.utf8) + JSONString.quoted(stream.rawValue) + Array(#","version":\#(version)}"#.utf8))
        }
        routes.get("/v1/head", access: .roles(Set(Role.allCases))) { _, _ in
            let size = try await server.store.size()
            let head = size == 0 ? "null" : String(size - 1)
            return .json(Array(#"{"head":\#(head),"size":\#(size)}"#.utf8))
        }
    }

    private func visible(_ event: RecordedEvent?, to principal: Principal?, missing: String, raw: RawEvents?) throws -> Response {
        guard let event, principal?.role != .appender || event.recordedActor == principal?.actor else {
            throw Problem(.eventNotFound, detail: missing)
        }
        return .json(event.json(extra: try raw?.members(of: [event]).first ?? []))
    }
}
