import Foundation

/// The log's Ed25519 signing key, kept in a file readable only by its owner (mode 0600).
///
/// The file holds the signer key in the Go note text form (`PRIVATE+KEY+name+keyid+base64`);
/// the key's name is the log's origin, as C2SP tlog-checkpoint recommends.
public enum LogSigningKey {
    public static let fileName = "log-signing.key"

    /// The default path inside a data directory.
    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// Creates a new key for `origin` at `path`; refuses to replace an existing one.
    @discardableResult
    public static func create(at path: String, origin: String) throws -> NoteSigner {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw TransparencyLogError.keyExists(path)
        }
        let signer = try NoteSigner.generate(name: origin)
        let created = FileManager.default.createFile(atPath: path, contents: Data((signer.signerKey + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else { throw TransparencyLogError.keyUnreadable(path, "the file could not be created") }
        return signer
    }

    /// Loads the key at `path`.
    public static func load(from path: String) throws -> NoteSigner {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TransparencyLogError.keyUnreadable(path, "it does not exist or cannot be read; run `civic-ledger init` or point to the key")
        }
        do {
            return try NoteSigner(text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw TransparencyLogError.keyUnreadable(path, "\(error)")
        }
    }
}

/// What can go wrong with the verifiable log around the math.
public enum TransparencyLogError: Error, Equatable, CustomStringConvertible {
    case keyExists(String)
    case keyUnreadable(String, String)
    case positionBeyondTree(position: UInt64, size: UInt64)
    case sizeBeyondTree(size: UInt64, treeSize: UInt64)
    case noCheckpoint

    public var description: String {
        switch self {
        case .keyExists(let path): "A signing key already exists at \(path); it is never replaced."
        case .keyUnreadable(let path, let why): "The log signing key at \(path) cannot be used: \(why)."
        case .positionBeyondTree(let position, let size): "Position \(position) is not in the log: it holds \(size) events."
        case .sizeBeyondTree(let size, let treeSize): "A tree of size \(size) cannot be proven: the log holds \(treeSize) events."
        case .noCheckpoint: "The log has no signed checkpoint yet: append an event first."
        }
    }
}
