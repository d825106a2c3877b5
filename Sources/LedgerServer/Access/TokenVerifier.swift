import Foundation
import Synchronization

/// Finds the key a bearer token belongs to, following changes to the key file.
///
/// At most once per `reloadInterval` it looks at the file's modification time, size and inode,
/// and reloads when any changed, so `keys revoke` takes effect without a restart.
public final class TokenVerifier: Sendable {
    private struct Entry {
        let principal: Principal
        let hash: [UInt8]
    }

    private struct State {
        var entries: [Entry] = []
        var fileStamp: FileStamp?
        var checkedAt: ContinuousClock.Instant?
    }

    private struct FileStamp: Equatable {
        let seconds: Int, nanoseconds: Int, size: Int64, inode: UInt64
    }

    public let path: String
    private let reloadInterval: Duration
    private let state = Mutex(State())

    /// Follows the key file at `path` (which need not exist yet).
    public init(path: String, reloadInterval: Duration = .seconds(1)) throws(KeyRingError) {
        self.path = path
        self.reloadInterval = reloadInterval
        try state.withLock { state throws(KeyRingError) in try reload(&state, force: true) }
    }

    /// The principal whose active key matches `token`, or nil.
    public func principal(for token: String) -> Principal? {
        let presented = AccessToken.hash(token)
        let entries = state.withLock { state -> [Entry] in
            try? reload(&state, force: false)
            return state.entries
        }
        // Look at every key, so the time taken does not tell which one nearly matched.
        var found: Principal?
        for entry in entries where AccessToken.constantTimeEqual(entry.hash, presented) {
            found = entry.principal
        }
        return found
    }

    /// Keeps the keys it had when the file cannot be read, so a half-edited file locks no one out.
    private func reload(_ state: inout State, force: Bool) throws(KeyRingError) {
        let now = ContinuousClock.now
        if !force, let checked = state.checkedAt, now - checked < reloadInterval { return }
        state.checkedAt = now
        let stamp = Self.stamp(of: path)
        guard force || stamp != state.fileStamp else { return }
        let ring = try KeyRing.load(from: path)
        state.entries = ring.keys.compactMap { key in
            guard key.revoked == nil, let hash = [UInt8](hex: key.sha256), hash.count == 32 else { return nil }
            return Entry(principal: Principal(name: key.name, role: key.role, typePrefixes: key.types), hash: hash)
        }
        state.fileStamp = stamp
    }

    private static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return FileStamp(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec), size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }
}
