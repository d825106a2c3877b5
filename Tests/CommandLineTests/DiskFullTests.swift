import Foundation
import Testing

/// A full disk is a clear error and loses nothing already committed. The disk is made "full"
/// with a file size limit (RLIMIT_FSIZE) on the writing process, so writes past it fail
/// with EFBIG exactly as they would on a full file system.
@Suite("Disk full")
struct DiskFullTests {
    @Test func aFullDiskRefusesTheBatchAndKeepsEverythingBefore() throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        let first = (0..<5).map { personLeft($0) }.joined(separator: "\n")
        #expect(try run("civic-ledger", ["append", "--data", data, "--stream", "rescue-1"], input: first).status == 0)
        let before = try run("civic-ledger", ["read", "--data", data, "--all"]).stdout
        let file = data + "/big.ndjson"
        try (0..<3000).map { personLeft($0, stream: "rescue-\($0 % 50)") }.joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let size = try FileManager.default.attributesOfItem(atPath: data + "/log/data.mdb")[.size] as! Int
        // Room for a few more pages, not for the 3,000 events of the import.
        let limitKiB = size / 1024 + 64
        let full = try run("bash", ["-c", "trap '' XFSZ; ulimit -f \(limitKiB); exec \"$0\" import --data \"$1\" \"$2\"",
                                    BuiltProducts.path("civic-ledger"), data, file], absolute: true)
        #expect(full.status == 4, "\(full.stdout) \(full.stderr)")
        #expect(full.stderr.contains("Storage is full"), "\(full.stderr)")
        // Everything committed before is there, unchanged; the log passes its checks.
        #expect(try run("civic-ledger", ["read", "--data", data, "--all"]).stdout == before)
        #expect(try run("civic-ledger", ["check", "--data", data]).status == 0)
        #expect(try run("civic-ledger", ["verify", "--data", data]).status == 0)
        // With room again, appends go on.
        #expect(try run("civic-ledger", ["append", "--data", data, "--stream", "rescue-1"], input: personLeft(9)).status == 0)
        #expect(try run("civic-ledger", ["verify", "--data", data]).stdout.contains(#""events":6"#))
    }
}
