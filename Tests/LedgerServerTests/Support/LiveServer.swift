import AsyncHTTPClient
import EventLog
import Foundation
import NIOHTTP1
import Hummingbird
import LedgerServer
import Logging
import NIOCore
import ServiceLifecycle

/// One token per role, as the tests hand them out.
struct Tokens: Sendable {
    let appender: String
    let reader: String
    let auditor: String
    let `operator`: String
    /// An appender limited to `assistance.` types.
    let assistanceAppender: String
    /// A second unrestricted appender, to check what one appender may see of another's events.
    let otherAppender: String

    func token(for role: Role) -> String {
        switch role {
        case .appender: appender
        case .reader: reader
        case .auditor: auditor
        case .operator: `operator`
        }
    }

    /// Creates the keys in `directory`'s key file.
    static func create(in directory: String) throws -> Tokens {
        var ring = KeyRing()
        let tokens = Tokens(
            appender: try ring.create(name: "appender", role: .appender),
            reader: try ring.create(name: "reader", role: .reader),
            auditor: try ring.create(name: "auditor", role: .auditor),
            operator: try ring.create(name: "operator", role: .operator),
            assistanceAppender: try ring.create(name: "assistance-clerk", role: .appender, typePrefixes: ["assistance."]),
            otherAppender: try ring.create(name: "other-appender", role: .appender))
        try ring.save(to: KeyRing.path(inDataDirectory: directory))
        return tokens
    }
}

/// A real server on a free loopback port, over a real LMDB store in a temporary directory.
struct LiveServer: Sendable {
    let port: Int
    let tokens: Tokens
    let store: LMDBEventStore
    let directory: String
    let server: LedgerServer
    /// The running services; `triggerGracefulShutdown()` stops the server as SIGTERM would.
    let services: ServiceGroup

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts a server, runs `body` against it, then shuts it down gracefully and removes its data.
    static func with<T: Sendable>(
        limits: LedgerLimits = LedgerLimits(),
        observers: [any BatchObserver] = [],
        configure: @Sendable (inout LedgerServer) -> Void = { _ in },
        configuration: LedgerServerConfiguration = .testing,
        _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        let directory = NSTemporaryDirectory() + "civic-ledger-server-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ledger = LedgerConfiguration(directory: directory, access: .write(holder: "test"))
        ledger.limits = limits
        ledger.initialMapSize = 64 << 20
        try LMDBEventStore.initialize(ledger).close()
        let store = try LMDBEventStore(ledger, observers: observers)
        let tokens = try Tokens.create(in: directory)
        var logger = Logger(label: "test-server")
        logger.logLevel = .warning
        var server = LedgerServer(store: store, verifier: try TokenVerifier(path: KeyRing.path(inDataDirectory: directory), reloadInterval: .zero),
                                  configuration: configuration, metrics: LedgerMetrics(), logger: logger)
        server.openAPIDocument = try PackageRoot.openAPIDocument()
        configure(&server)
        let (ports, portSource) = AsyncStream.makeStream(of: Int.self)
        let group = server.serviceGroup(signals: []) { port in
            portSource.yield(port)
            portSource.finish()
        }
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
            let live = LiveServer(port: port, tokens: tokens, store: store, directory: directory, server: server, services: group)
            do {
                let value = try await body(live)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Sends a request; `token` nil sends none. The body is sent as JSON unless `contentType` says otherwise.
    func send(_ method: HTTPMethod, _ path: String, token: String?, body: String? = nil, contentType: String? = "application/json",
              headers: [(String, String)] = []) async throws -> Reply {
        try await Reply.send(method, base + path, token: token, body: body, contentType: contentType, headers: headers)
    }

    func get(_ path: String, as role: Role = .auditor) async throws -> Reply {
        try await send(.GET, path, token: tokens.token(for: role))
    }

    /// Appends `events` (JSON array text) to `stream` as the plain appender.
    @discardableResult
    func append(_ stream: String, _ events: String, expected: String = #""any""#, token: String? = nil) async throws -> Reply {
        try await send(.POST, "/v1/streams/\(stream)/events", token: token ?? tokens.appender,
                       body: #"{"expectedVersion":\#(expected),"events":\#(events)}"#)
    }
}

extension LedgerServerConfiguration {
    static var testing: LedgerServerConfiguration {
        var configuration = LedgerServerConfiguration()
        configuration.port = 0
        return configuration
    }
}

/// A response, fully read.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    var contentType: String? { headers.first(name: "content-type") }
    /// The slug of a problem's type, e.g. `wrong-expected-version`.
    var problemType: String? { (json["type"] as? String)?.components(separatedBy: "/").last }

    static func send(_ method: HTTPMethod, _ url: String, token: String?, body: String? = nil, contentType: String? = "application/json",
                     headers: [(String, String)] = []) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            request.body = .bytes(ByteBuffer(string: body))
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        var buffer = try await response.body.collect(upTo: 64 << 20)
        return Reply(status: Int(response.status.code), headers: response.headers, body: buffer.readBytes(length: buffer.readableBytes) ?? [])
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The package's root, found from this file, for `Schemas/openapi.yaml`.
enum PackageRoot {
    static var path: String {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url.path
    }

    static func openAPIDocument() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path + "/Schemas/openapi.yaml")))
    }
}
