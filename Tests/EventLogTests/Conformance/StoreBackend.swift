import EventLog
import Foundation

/// A backend the conformance suite runs against. A second backend proves itself by being
/// added to `all`: every conformance test then runs on it too.
struct StoreBackend: Sendable, CustomTestStringConvertible {
    let name: String
    let open: @Sendable () throws -> OpenedStore

    var testDescription: String { name }

    static let all: [StoreBackend] = [lmdb]

    static let lmdb = StoreBackend(name: "LMDB") {
        let directory = TemporaryDirectory()
        let store = try LMDBEventStore.initialize(LedgerConfiguration(directory: directory.path))
        return OpenedStore(store: store) {
            store.close()
            directory.remove()
        }
    }
}

/// A store open for one test, closed and removed by `close()`.
struct OpenedStore: Sendable {
    let store: any EventStore
    let close: @Sendable () -> Void
}

/// A fresh directory under the system's temporary folder.
struct TemporaryDirectory: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "civic-ledger-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

import Testing

/// Handy constructors for tests.
func event(_ type: String = "test.Happened", _ payload: String = #"{"n":1}"#, id: UUID = UUID(), metadata: String = "{}") -> ProposedEvent {
    ProposedEvent(id: id, type: type, payload: payload, metadata: metadata)
}

func stream(_ name: String) -> StreamName { try! StreamName(name) }

/// Runs `body` with a fresh store of `backend`, closing it afterwards whatever happens.
func withStore<T>(_ backend: StoreBackend, _ body: (any EventStore) async throws -> T) async throws -> T {
    let opened = try backend.open()
    defer { opened.close() }
    return try await body(opened.store)
}
