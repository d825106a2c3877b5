import Foundation

/// The API keys of a data directory, kept in `<data>/keys.json` (mode 0600).
///
/// Only each token's SHA-256 is stored; the token itself is shown once, when created.
/// Names are never reused, even after revocation, because events record them as their actor.
public struct KeyRing: Sendable, Codable, Equatable {
    public var keys: [APIKey]

    public init(keys: [APIKey] = []) { self.keys = keys }

    /// The file that holds the keys of the data directory `directory`.
    public static func path(inDataDirectory directory: String) -> String { directory + "/keys.json" }

    /// Reads the key file; a missing file is an empty ring.
    public static func load(from path: String) throws(KeyRingError) -> KeyRing {
        guard FileManager.default.fileExists(atPath: path) else { return KeyRing() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(KeyRing.self, from: data)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Writes the file atomically (a new file renamed over the old), readable by its owner only.
    public func save(to path: String) throws(KeyRingError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let temporary = path + ".tmp-\(getpid())"
        do {
            let data = try encoder.encode(self)
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw KeyRingError.unwritable(path: path, reason: "cannot create \(temporary)")
            }
            guard rename(temporary, path) == 0 else {
                throw KeyRingError.unwritable(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as KeyRingError {
            throw error
        } catch {
            throw .unwritable(path: path, reason: "\(error)")
        }
    }

    /// Adds a key and returns its token, the only time the token is ever seen.
    public mutating func create(name: String, role: Role, typePrefixes: [String] = [], now: Date = Date()) throws(KeyRingError) -> String {
        try APIKey.validate(name: name)
        guard !keys.contains(where: { $0.name == name }) else { throw .nameTaken(name) }
        if !typePrefixes.isEmpty && role != .appender { throw .typesNeedAppender(role) }
        let token = AccessToken.generate()
        keys.append(APIKey(name: name, role: role, types: typePrefixes, sha256: AccessToken.hash(token).hex,
                           created: APIKey.timestamp(now), revoked: nil))
        return token
    }

    /// Marks a key revoked; its token stops working as soon as the server notices the file changed.
    public mutating func revoke(name: String, now: Date = Date()) throws(KeyRingError) {
        guard let i = keys.firstIndex(where: { $0.name == name }) else { throw .unknownKey(name) }
        guard keys[i].revoked == nil else { throw .alreadyRevoked(name) }
        keys[i].revoked = APIKey.timestamp(now)
    }
}

/// One key as stored: its name, role, type prefixes and the hash of its token.
public struct APIKey: Sendable, Codable, Equatable {
    public let name: String
    public let role: Role
    /// Event type prefixes an appender may use; empty for all.
    public let types: [String]
    /// Hex SHA-256 of the token.
    public let sha256: String
    public let created: String
    public var revoked: String?

    static func validate(name: String) throws(KeyRingError) {
        let allowed = name.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E
        }
        guard (1...64).contains(name.utf8.count), allowed else { throw .invalidName(name) }
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// Why the key file could not be read or changed.
public enum KeyRingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case invalidName(String)
    case nameTaken(String)
    case unknownKey(String)
    case alreadyRevoked(String)
    case typesNeedAppender(Role)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "The key file \(path) cannot be read: \(reason)."
        case .unwritable(let path, let reason): "The key file \(path) cannot be written: \(reason)."
        case .invalidName(let name): "The key name \"\(name.prefix(80))\" is invalid: use 1 to 64 of A-Z a-z 0-9 . _ -."
        case .nameTaken(let name): "A key named \(name) exists (or existed); key names are never reused."
        case .unknownKey(let name): "There is no key named \(name)."
        case .alreadyRevoked(let name): "The key \(name) is already revoked."
        case .typesNeedAppender(let role): "Type prefixes limit appenders only; a \(role.rawValue) key cannot have them."
        }
    }
}
