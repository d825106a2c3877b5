import Foundation
import Testing
@testable import EventLog

/// The log writer's thread runs ahead of request handling when the process may raise it.
@Suite struct WriterNicenessTests {
    /// The nice values of this process's threads, from /proc (field 19 of each thread's stat).
    static func threadNiceValues() throws -> [Int] {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
        return tasks.compactMap { task in
            guard let stat = try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8),
                  let afterName = stat.range(of: ") ", options: .backwards) else { return nil }
            let fields = stat[afterName.upperBound...].split(separator: " ")
            return Int(fields[16])  // field 19 overall; the first two (pid, name) come before the cut
        }
    }

    @Test(.enabled(if: geteuid() == 0, "only a privileged process may raise a thread"))
    func theWriterThreadRunsAtTheRaisedNiceValue() async throws {
        let ledger = try TemporaryLedger()
        _ = try await ledger.store.append([ProposedEvent(type: "test.Happened", payload: "{}")], to: try StreamName("case-1"))
        #expect(try Self.threadNiceValues().contains(Int(ThreadNiceness.writer)))
    }
}
