import EventLog
import Foundation

/// Checks an audit bundle with no access to the server or the data directory.
public struct AuditBundleVerification {
    public struct Report: Sendable, Codable, Equatable {
        public let events: Int
        public let treeSize: UInt64
        public let root: String
        public let origin: String
        public let verifierKey: String
    }

    let directory: String
    public let verifier: NoteVerifier

    /// `verifier` nil: use the bundle's own key (it then only proves self-consistency).
    public init(directory: String, verifier: NoteVerifier?) throws {
        self.directory = directory
        if let verifier {
            self.verifier = verifier
        } else {
            let text = try String(contentsOfFile: directory + "/" + AuditBundle.verifierKey, encoding: .utf8)
            self.verifier = try NoteVerifier(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// The bundle's signed checkpoint, opened with the verifier key.
    public func checkpoint() throws -> SignedCheckpoint {
        let text = try read(AuditBundle.checkpoint)
        do { return try SignedCheckpoint(opening: String(decoding: text, as: UTF8.self), verifiers: [verifier]) } catch {
            throw AuditError.failed("checkpoint.txt is not signed by \(verifier.verifierKey): \(error)")
        }
    }

    public func run() throws -> Report {
        let signed = try checkpoint()
        let root = signed.checkpoint.root, size = signed.checkpoint.size
        let events = try lines(AuditBundle.events), proofs = try lines(AuditBundle.proofs)
        guard events.count == proofs.count, !events.isEmpty else {
            throw AuditError.failed("events.ndjson has \(events.count) lines but proofs.ndjson \(proofs.count)")
        }
        for (n, (line, proofLine)) in zip(events, proofs).enumerated() {
            let members = try JSONText.members(of: line)
            func member(_ key: String) throws -> ArraySlice<UInt8> {
                guard let m = members.first(where: { $0.key == key }) else { throw AuditError.failed("line \(n + 1) of events.ndjson has no \"\(key)\"") }
                return line[m.value]
            }
            guard let position = UInt64(String(decoding: try member("position"), as: UTF8.self)) else {
                throw AuditError.failed("line \(n + 1) of events.ndjson has no valid position")
            }
            let record = try read(AuditBundle.recordPath(position))
            let event = try record.withUnsafeBytes { try EventRecord.decode($0, at: position) }
            let where_ = "event at position \(position)"
            guard event.position == position else { throw AuditError.failed("\(where_): its record says position \(event.position)") }
            // The line must say what the record says, byte for byte where it matters.
            guard try member("data").elementsEqual(event.payload), try member("metadata").elementsEqual(event.metadata),
                  JSONText.string(try member("stream")) == event.stream.rawValue, JSONText.string(try member("type")) == event.type,
                  JSONText.string(try member("id")) == event.id.uuidString.lowercased(),
                  String(decoding: try member("version"), as: UTF8.self) == String(event.version) else {
                throw AuditError.failed("\(where_): events.ndjson differs from its record")
            }
            guard JSONText.string(try member("record")) == Data(record).base64EncodedString() else {
                throw AuditError.failed("\(where_): the \"record\" member differs from records/\(position).bin")
            }
            let leaf = leafHash(record)
            guard JSONText.string(try member("leafHash")) == leaf.base64 else {
                throw AuditError.failed("\(where_): its record does not hash to its leafHash")
            }
            let proof: InclusionProof
            do { proof = try JSONDecoder().decode(InclusionProof.self, from: Data(proofLine)) } catch {
                throw AuditError.failed("line \(n + 1) of proofs.ndjson is not an inclusion proof: \(error)")
            }
            guard proof.leafIndex == position, proof.treeSize == size else {
                throw AuditError.failed("\(where_): its proof is for index \(proof.leafIndex) in a tree of \(proof.treeSize), not \(position) in \(size)")
            }
            do {
                try verifyInclusion(leafHash: leaf, index: position, treeSize: size, proof: proof.hashes.map { try Hash(base64: $0) }, root: root)
            } catch {
                throw AuditError.failed("\(where_): the inclusion proof does not lead to the checkpoint's root (\(error))")
            }
        }
        return Report(events: events.count, treeSize: size, root: root.base64, origin: signed.checkpoint.origin, verifierKey: verifier.verifierKey)
    }

    /// Proves that the bundle's checkpoint extends `older` (a signed note the auditor kept),
    /// with a consistency proof (base64 hashes) fetched from anywhere: it is checked, not trusted.
    public func checkConsistency(olderNote: String, proof: [String]) throws {
        let older = try earlierCheckpoint(olderNote)
        let newer = try checkpoint().checkpoint
        guard older.checkpoint.origin == newer.origin else { throw AuditError.failed("the earlier checkpoint is of another log (\(older.checkpoint.origin))") }
        guard older.checkpoint.size <= newer.size else {
            throw AuditError.failed("the earlier checkpoint (size \(older.checkpoint.size)) is larger than the bundle's (\(newer.size))")
        }
        guard older.checkpoint.size > 0 else {
            // Every tree extends the empty one; only the empty tree's root can be wrong.
            guard older.checkpoint.root == emptyTreeHash else { throw AuditError.failed("the earlier checkpoint of size 0 has a root other than the empty tree's") }
            return
        }
        do {
            try verifyConsistency(size1: older.checkpoint.size, size2: newer.size, proof: proof.map { try Hash(base64: $0) },
                                  root1: older.checkpoint.root, root2: newer.root)
        } catch {
            throw AuditError.failed("the log did not only grow between size \(older.checkpoint.size) and \(newer.size): \(error)")
        }
    }

    /// Opens a checkpoint the auditor kept from earlier with the log's key.
    public func earlierCheckpoint(_ note: String) throws -> SignedCheckpoint {
        do { return try SignedCheckpoint(opening: note, verifiers: [verifier]) } catch {
            throw AuditError.failed("the earlier checkpoint is not signed by \(verifier.verifierKey): \(error)")
        }
    }

    private func read(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
            throw AuditError.bundle("\(name) is missing from \(directory)")
        }
        return Array(data)
    }

    private func lines(_ name: String) throws -> [[UInt8]] {
        try read(name).split(separator: 0x0A).map(Array.init)
    }
}
