import EventLog
import Foundation
import Testing

/// The `civic-ledger` command as a user runs it: exit codes, output, errors.
@Suite("civic-ledger command")
struct CommandTests {
    @Test func initAppendReadStatsCheckAndBackup() throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        // Both keys are created readable by their owner only.
        for key in ["log-signing.key", "pseudonym.key"] {
            let mode = try FileManager.default.attributesOfItem(atPath: data + "/" + key)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(key)")
        }
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 4)
        let lines = personLeft(1, metadata: #"{"actor":"clerk-7"}"#) + "\n" + personLeft(2)
        let appended = try run("civic-ledger", ["append", "--data", data, "--stream", "reliefcase-1", "--expected-version", "no-stream"], input: lines)
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(appended.stdout.contains(#""position":1"#))
        let read = try run("civic-ledger", ["read", "--data", data, "--stream", "reliefcase-1"])
        let events = read.stdout.split(separator: "\n")
        #expect(events.count == 2)
        // The command line's own identity is the actor; the client's claim is kept as onBehalfOf.
        #expect(events[0].contains(#""actor":"cli:"#))
        #expect(events[0].contains(#""onBehalfOf":"clerk-7""#))
        #expect(events[0].contains(#""data":{"rescueCaseId":"RS-330481-2026-00001","leftDate":"2026-01-10"}"#))
        let backwards = try run("civic-ledger", ["read", "--data", data, "--all", "--backwards", "--limit", "1"])
        #expect(backwards.stdout.contains(#""position":1"#) && !backwards.stdout.contains(#""position":0"#))
        let stats = try run("civic-ledger", ["stats", "--data", data])
        #expect(stats.stdout.contains(#""events":2"#) && stats.stdout.contains(#""streams":1"#))
        #expect(try run("civic-ledger", ["check", "--data", data]).status == 0)
        let copy = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        #expect(try run("civic-ledger", ["backup", "--data", data, "--to", copy]).status == 0)
        #expect(try run("civic-ledger", ["read", "--data", copy, "--all"]).stdout == read.stdout)
    }

    @Test func exitCodesAndErrorsSayWhatWentWrong() throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["read", "--data", data, "--all"]).status == 4)
        _ = try run("civic-ledger", ["init", "--data", data])
        let usage = try run("civic-ledger", ["read", "--data", data])
        #expect(usage.status == 1)
        let wrong = try run("civic-ledger", ["append", "--data", data, "--stream", "case-1", "--expected-version", "3"],
                            input: personLeft(1))
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("expected at version 3"))
        let invalid = try run("civic-ledger", ["append", "--data", data, "--stream", "case-1", "--json"],
                              input: #"{"type":"rescue.PersonLeft","data":{"rescueCaseId":"RS-1","leftDate":"2026-01-10"}}"#)
        #expect(invalid.status == 3)
        #expect(invalid.stderr.contains("/rescueCaseId"), "\(invalid.stderr)")
        let notObject = try run("civic-ledger", ["append", "--data", data, "--stream", "case-1"], input: #"{"type":"rescue.PersonLeft","data":[]}"#)
        #expect(notObject.status == 3)
        let badLine = try run("civic-ledger", ["append", "--data", data, "--stream", "case-1"], input: personLeft(1) + "\nnot json\n")
        #expect(badLine.status == 3)
        #expect(badLine.stderr.contains("line 2"))
        #expect(try run("civic-ledger", ["stats", "--data", data]).stdout.contains(#""events":0"#))
    }

    @Test func importIsResumableAndKeepsOrder() throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try run("civic-ledger", ["init", "--data", data])
        let ids = (0..<30).map { _ in UUID().uuidString.lowercased() }
        let lines = ids.enumerated().map { i, id in
            personLeft(i, stream: "case-\(i % 4 == 0 ? 1 : 2)", id: id)
        }
        let file = data + "/import.ndjson"
        try (lines.prefix(12).joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let first = try run("civic-ledger", ["import", "--data", data, file])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#""appended":12"#))
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let second = try run("civic-ledger", ["import", "--data", data, "--batch", "7", file])
        #expect(second.stdout.contains(#""appended":18"#) && second.stdout.contains(#""skipped":12"#), "\(second.stdout) \(second.stderr)")
        let all = try run("civic-ledger", ["read", "--data", data, "--all"]).stdout.split(separator: "\n")
        #expect(all.count == 30)
        for (i, line) in all.enumerated() { #expect(line.contains(String(format: "RS-330481-2026-%05d", i))) }
    }

    @Test func aSecondWriterIsRefusedWithTheHoldersPid() async throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        let store = try LMDBEventStore(LedgerConfiguration(directory: data, access: .write(holder: "test server")))
        defer { store.close() }
        let refused = try run("civic-ledger", ["append", "--data", data, "--stream", "case-1"], input: personLeft(1))
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
        // Reading commands work beside the writer.
        _ = try await store.append([ProposedEvent(type: "a.B", payload: "{}")], to: try StreamName("case-1"))
        #expect(try run("civic-ledger", ["read", "--data", data, "--all"]).stdout.contains(#""position":0"#))
    }

    @Test func anIndependentDecoderAgreesWithTheSwiftReader() throws {
        let data = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: data) }
        _ = try run("civic-ledger", ["init", "--data", data])
        let input = #"{"type":"rescue.PersonLeft","data":{ "rescueCaseId" : "\u0052S-330481-2026-00017",\#t "leftDate":"2026-01-10" },"metadata":{"source":"t","extra":[1, 2.50e1, "民政"]}}"#
            + "\n" + personLeft(3)
        #expect(try run("civic-ledger", ["append", "--data", data, "--stream", "case-1:x_y.z"], input: input).status == 0)
        #expect(try run("civic-ledger", ["append", "--data", data, "--stream", "other"], input: personLeft(4)).status == 0)
        let swift = try run("civic-ledger", ["read", "--data", data, "--all"])
        let python = try runPython(["tools/decode-records.py", data])
        #expect(python.status == 0, "\(python.stderr)")
        #expect(python.stdout == swift.stdout)
    }

    private func runPython(_ arguments: [String]) throws -> Finished {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
