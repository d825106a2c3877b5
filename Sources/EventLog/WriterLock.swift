import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One writing process per data directory: an exclusive `flock` on `writer.lock`, which names
/// its holder. The kernel drops the lock when the process dies, even by SIGKILL.
final class WriterLock: Sendable {
    private let descriptor: Int32
    private let released = Mutex(false)

    init(directory: String, holder: String) throws(EventLogError) {
        let path = directory + "/writer.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .storage("cannot open \(path): \(String(cString: strerror(errno)))") }
        // A holder that already let go empties the file; its lock can outlive it for a moment when
        // a child process forked meanwhile still holds a copy of the descriptor until its exec
        // closes it. Such a lock is waited for (up to 2 s); a named holder is refused at once.
        var attempts = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let current = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            attempts += 1
            if let current, current.isEmpty, attempts < 200 {
                usleep(10_000)
                continue
            }
            close(fd)
            throw .dataDirectoryBusy(path: directory, holder: current.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown process")
        }
        ftruncate(fd, 0)
        let text = "pid \(getpid()) (\(holder))\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        descriptor = fd
    }

    /// Lets another writer in; the store calls it when it closes.
    func release() {
        let first = released.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        ftruncate(descriptor, 0)
        close(descriptor)
    }

    deinit { release() }
}
