import Catalog
import EventLog
import Foundation
import JSON
import Projections

/// A real ledger (LMDB) in a temporary directory, with helpers to fill it.
final class TestLedger: @unchecked Sendable {
    let directory: String
    let store: LMDBEventStore

    init() throws {
        directory = NSTemporaryDirectory() + "civic-projections-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory))
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Another directory for a second, independent projections environment over the same log.
    func sideDirectory(_ name: String) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Appends `count` events of `type` to `stream`, one request each `batch` events.
    @discardableResult
    func append(_ count: Int, to stream: String, type: String = "test.Happened", batch: Int = 100) async throws -> UInt64 {
        var last: UInt64 = 0
        var written = 0
        while written < count {
            let n = min(batch, count - written)
            let events = (0..<n).map { i in ProposedEvent(type: type, payload: #"{"n":\#(written + i)}"#) }
            last = try await store.append(events, to: try StreamName(stream)).lastPosition
            written += n
        }
        return last
    }

    /// Appends events spread round-robin over `streams` streams named `<category>-<i>`.
    func appendSpread(_ count: Int, streams: Int, category: String = "case", types: [String] = ["test.Opened", "test.Changed"]) async throws {
        var requests: [[StreamAppend]] = []
        for i in 0..<count {
            let event = ProposedEvent(type: types[i % types.count], payload: #"{"i":\#(i)}"#)
            requests.append([StreamAppend(stream: try StreamName("\(category)-\(i % streams)"), expected: .any, events: [event])])
        }
        for result in await store.appendInOrder(requests) { _ = try result.get() }
    }

    func head() async throws -> UInt64 {
        guard let head = try await store.head() else { throw FixtureError.emptyLog }
        return head
    }
}

enum FixtureError: Error { case emptyLog, timedOut(String) }

/// The package root (the folder with Package.swift), found from this file.
let packageRoot: URL = {
    var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while directory.path != "/" {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { return directory }
        directory.deleteLastPathComponent()
    }
    return directory
}()

/// The project's own catalog upcasters.
func catalogUpcasters() throws -> Upcasters {
    try Upcasters(catalog: EventCatalog.load(from: packageRoot.appendingPathComponent("Schemas")))
}

/// Runs `engine` while `body` runs, then stops it and waits for it to end (as a server does).
func whileRunning<T: Sendable>(_ engine: ProjectionEngine, _ body: () async throws -> T) async throws -> T {
    let task = Task { try await engine.run() }
    do {
        let result = try await body()
        task.cancel()
        try await task.value
        return result
    } catch {
        task.cancel()
        _ = await task.result
        throw error
    }
}

/// The dump of `name` as text.
func dumpText(_ engine: ProjectionEngine, _ name: String) async throws -> String {
    var bytes: [UInt8] = []
    try await engine.dump(name) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Waits until `condition` holds, polling; fails after `seconds`.
func eventually(_ what: String, seconds: Double = 120, _ condition: () async throws -> Bool) async throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw FixtureError.timedOut(what)
}
