import Foundation

/// Linux scheduling weight for the calling thread, best effort.
///
/// On two cores, request handling, the log's writer and the projections compete for CPU. The
/// writer is where every append waits, so it runs a little ahead of the rest. A process without
/// the right to raise a thread (not root, no CAP_SYS_NICE) keeps the default, which is only
/// slower under contention.
enum ThreadNiceness {
    /// The log writer's thread: ahead of request handling.
    static let writer: Int32 = -5

    /// Sets the calling thread's nice value; returns whether the kernel allowed it.
    @discardableResult
    static func set(_ niceness: Int32) -> Bool {
        #if os(Linux)
        // On Linux the nice value belongs to a thread, and PRIO_PROCESS with 0 addresses the calling one.
        return setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) == 0
        #else
        return false
        #endif
    }
}
