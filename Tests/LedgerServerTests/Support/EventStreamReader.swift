import AsyncHTTPClient
import Foundation
import NIOCore

/// One server-sent message as a client sees it.
struct SSEMessage: Sendable, Equatable {
    var id: String?
    var event: String?
    var data: String?
    var comment: String?

    var json: [String: Any] { data.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any] ?? [:] }
}

/// Reads `/v1/subscribe` as a client would, until `enough` says it has what it wanted.
enum EventStreamReader {
    static func read(_ url: String, token: String?, headers: [(String, String)] = [],
                     until enough: @Sendable ([SSEMessage]) -> Bool) async throws -> (status: Int, contentType: String?, messages: [SSEMessage]) {
        var request = HTTPClientRequest(url: url)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, deadline: .now() + .seconds(60))
        let contentType = response.headers.first(name: "content-type")
        guard response.status == .ok else { return (Int(response.status.code), contentType, []) }
        var messages: [SSEMessage] = []
        var pending = ""
        for try await chunk in response.body {
            pending += String(buffer: chunk)
            while let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending = String(pending[end.upperBound...])
                messages.append(parse(block))
            }
            if enough(messages) { break }
        }
        return (200, contentType, messages)
    }

    static func parse(_ block: String) -> SSEMessage {
        var message = SSEMessage()
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                message.comment = line.dropFirst().trimmingCharacters(in: .whitespaces)
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let field = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") { value.removeFirst() }
            switch field {
            case "id": message.id = value
            case "event": message.event = value
            case "data": message.data = message.data.map { $0 + "\n" + value } ?? value
            default: break
            }
        }
        return message
    }
}

extension [SSEMessage] {
    /// The messages that carry events.
    var events: [SSEMessage] { filter { $0.id != nil } }
}
