import EventLog
import Foundation
import Hummingbird
import Transparency

/// The verifiable log over HTTP: the latest signed checkpoint, proofs, and tiles laid out as
/// C2SP tlog-tiles, so that an existing tlog client can audit the ledger.
public struct LogRoutes: RouteProvider {
    let proofs: LogProofs

    public init(proofs: LogProofs) {
        self.proofs = proofs
    }

    /// Readers and auditors: the hashes and checkpoints reveal no payload.
    static let access = RouteAccess.roles([.reader, .auditor])

    public func register(on routes: LedgerRoutes) {
        let proofs = self.proofs
        routes.get("/v1/log/checkpoint", access: Self.access) { _, _ in
            let note = try Self.answer { try proofs.latestCheckpoint() }
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: note)))
        }
        routes.get("/v1/log/proof/inclusion", access: Self.access) { request, _ in
            let position = try Self.number("position", in: request, required: true)!
            let size = try Self.number("size", in: request, required: false)
            let proof = try Self.answer { try proofs.inclusionProof(position: position, size: size) }
            return .json(Array(try JSONEncoder.sortedKeys.encode(proof)))
        }
        routes.get("/v1/log/proof/consistency", access: Self.access) { request, _ in
            let from = try Self.number("from", in: request, required: true)!
            let to = try Self.number("to", in: request, required: false)
            try Self.checkSizes(from: from, to: to, proofs: proofs)
            let proof = try Self.answer { try proofs.consistencyProof(from: from, to: to) }
            return .json(Array(try JSONEncoder.sortedKeys.encode(proof)))
        }
        routes.get("/v1/log/tile/**", access: Self.access) { request, _ in
            let path = String(request.uri.path.dropFirst("/v1/log/".count))
            let bytes = try Self.answer { try proofs.tile(path: path) }
            // A full tile never changes; a partial one is immutable too once served at that width.
            return Response(status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: "public, max-age=31536000, immutable"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    private static func number(_ name: String, in request: Request, required: Bool) throws(Problem) -> UInt64? {
        guard let text = request.uri.queryParameters.get(name) else {
            if required { throw Problem.invalidParameter(name, "The query parameter \(name) is required.") }
            return nil
        }
        guard let value = UInt64(text) else {
            throw Problem.invalidParameter(name, "The query parameter \(name) must be a non-negative integer, not \(text.prefix(40)).")
        }
        return value
    }

    /// A proof between sizes the log has but in the wrong order, or from the empty tree (which
    /// RFC 9162 does not define), is a bad request; a size the log does not have yet is 404.
    private static func checkSizes(from: UInt64, to: UInt64?, proofs: LogProofs) throws {
        guard from >= 1 else {
            throw Problem.invalidParameter("from", "A consistency proof starts from a tree of at least one event: from must be at least 1.")
        }
        let treeSize = try answer { try proofs.treeSize() }
        let to = try to ?? answer { try proofs.checkpointSize() }
        let beyond = max(from, to)
        if beyond > treeSize { throw Problem(.logNotFound, detail: TransparencyLogError.sizeBeyondTree(size: beyond, treeSize: treeSize).description) }
        guard from <= to else {
            throw Problem.invalidParameter("from", "The query parameter from (\(from)) must not be larger than to (\(to)).")
        }
    }

    /// Maps the log's errors to problems a client can act on.
    private static func answer<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TransparencyLogError {
            switch error {
            case .noCheckpoint: throw Problem(.logNotFound, detail: error.description)
            case .positionBeyondTree, .sizeBeyondTree: throw Problem(.logNotFound, detail: error.description)
            case .keyExists, .keyUnreadable: throw Problem(.storageError, detail: error.description)
            }
        } catch let error as TilePathError {
            throw Problem(.logNotFound, detail: "Not a tile of this log: \(error).")
        } catch let error as TreeError {
            throw Problem(.logNotFound, detail: "\(error)")
        } catch let error as ProofError {
            throw Problem.invalidParameter("from", "\(error)")
        }
    }
}

extension ProblemType {
    public static let logNotFound = ProblemType("log-not-found", title: "No such checkpoint, proof or tile", status: 404)
}

extension JSONEncoder {
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
