import Crypto
import Foundation

/// The key that turns identity card numbers into pseudonyms, kept beside the log's signing key.
///
/// Persons are keyed by `HMAC-SHA-256(key, ID number)` in stream names and indexes, so that
/// stream names, logs and metrics never hold the number itself, and nobody without the key can
/// test a guessed number against them. Losing the key loses the way from a number to its
/// streams; it is never replaced.
public struct PseudonymKey: Sendable {
    public static let fileName = "pseudonym.key"
    let key: SymmetricKey

    /// The default path inside a data directory.
    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// A key from its 32 bytes.
    public init(bytes: [UInt8]) throws(PseudonymKeyError) {
        guard bytes.count == 32 else { throw .wrongSize(bytes.count) }
        key = SymmetricKey(data: bytes)
    }

    /// Creates a new random key at `path` (mode 0600); refuses to replace an existing one.
    @discardableResult
    public static func create(at path: String) throws(PseudonymKeyError) -> PseudonymKey {
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path) }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        guard FileManager.default.createFile(atPath: path, contents: Data((hex + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw .unreadable(path, "the file could not be created")
        }
        return PseudonymKey(key: key)
    }

    /// Loads the key at `path` (64 hexadecimal digits).
    public static func load(from path: String) throws(PseudonymKeyError) -> PseudonymKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .unreadable(path, "it does not exist or cannot be read; run `civic-ledger init` or point to the key")
        }
        let hex = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < hex.count {
            guard let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) else { break }
            bytes.append(byte)
            index += 2
        }
        guard bytes.count == 32, hex.count == 64 else { throw .unreadable(path, "it must hold 64 hexadecimal digits") }
        return PseudonymKey(key: SymmetricKey(data: bytes))
    }

    private init(key: SymmetricKey) { self.key = key }

    /// The person's pseudonym: the first 16 bytes of the HMAC, as 32 lowercase hexadecimal digits.
    public func pseudonym(of number: IDNumber) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(number.text.utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// Why the pseudonym key cannot be used.
public enum PseudonymKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongSize(Int)
    case exists(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .wrongSize(let count): "A pseudonym key has 32 bytes; this one has \(count)."
        case .exists(let path): "A pseudonym key already exists at \(path); it is never replaced."
        case .unreadable(let path, let why): "The pseudonym key at \(path) cannot be used: \(why)."
        }
    }
}
