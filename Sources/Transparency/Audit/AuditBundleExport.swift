import EventLog
import Foundation

/// Writes an audit bundle for a stream or a range of positions, against the latest checkpoint.
public struct AuditBundleExport {
    public enum Selection: Sendable {
        case stream(StreamName)
        /// Positions `from` through `to`, both included.
        case positions(from: UInt64, to: UInt64)
    }

    let store: LMDBEventStore
    let proofs: LogProofs
    let verifier: NoteVerifier

    public init(store: LMDBEventStore, verifier: NoteVerifier) throws {
        self.store = store
        self.proofs = try LogProofs(environment: store.environment)
        self.verifier = verifier
    }

    /// Writes the bundle into `directory` (created; must not exist). Returns the event count.
    @discardableResult
    public func write(_ selection: Selection, to directory: String) async throws -> Int {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: directory) else { throw AuditError.bundle("\(directory) already exists; export into a new folder") }
        // One checkpoint for everything: events after it are left out, so every proof is against it.
        let checkpoint = try proofs.latestCheckpoint()
        let size = try proofs.checkpointSize()
        try fm.createDirectory(atPath: directory + "/" + AuditBundle.records, withIntermediateDirectories: true)
        var eventLines = [UInt8](), proofLines = [UInt8]()
        var count = 0
        try await forEachEvent(selection, below: size) { event in
            let leaf = try proofs.leafHash(at: event.position)
            eventLines += event.json(extra: [("record", "\"" + Data(event.record).base64EncodedString() + "\""), ("leafHash", "\"" + leaf.base64 + "\"")]) + [0x0A]
            let proof = try proofs.inclusionProof(position: event.position, size: size)
            proofLines += Array(try JSONEncoder.sorted.encode(proof)) + [0x0A]
            try Data(event.record).write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.recordPath(event.position)))
            count += 1
        }
        guard count > 0 else {
            try? fm.removeItem(atPath: directory)
            throw AuditError.bundle("no event matches the selection below the latest checkpoint (size \(size))")
        }
        try Data(eventLines).write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.events))
        try Data(proofLines).write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.proofs))
        try Data(checkpoint.utf8).write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.checkpoint))
        try Data((verifier.verifierKey + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.verifierKey))
        try Data(AuditBundleReadme.text(events: count, treeSize: size, selection: selection).utf8)
            .write(to: URL(fileURLWithPath: directory + "/" + AuditBundle.readme))
        return count
    }

    private func forEachEvent(_ selection: Selection, below size: UInt64, _ body: (RecordedEvent) throws -> Void) async throws {
        switch selection {
        case .stream(let stream):
            var version: UInt64? = nil
            while true {
                let page = try await store.readStream(stream, from: version, direction: .forwards, limit: 1000)
                for event in page.events where event.position < size { try body(event) }
                guard let next = page.next else { return }
                version = next
            }
        case .positions(let from, let to):
            var position = from
            while position <= min(to, size == 0 ? 0 : size - 1) && position < size {
                let page = try await store.readAll(from: position, direction: .forwards, limit: 1000, filter: .all)
                for event in page.events where event.position <= to && event.position < size { try body(event) }
                guard !page.reachedEnd, let next = page.next else { return }
                position = next
            }
        }
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Why an audit bundle could not be written or did not verify.
public enum AuditError: Error, Equatable, CustomStringConvertible {
    case bundle(String)
    case failed(String)

    public var description: String {
        switch self {
        case .bundle(let text): "The audit bundle cannot be used: \(text)."
        case .failed(let text): "Audit failed: \(text)."
        }
    }
}
