import Foundation
import Testing

/// The auditor's commands: key, checkpoint, proofs, verify, export and an offline audit.
@Suite("civic-ledger log, verify, export, audit")
struct AuditCommandTests {
    private func ledger(events: Int) throws -> String {
        let data = temporaryPath()
        #expect(try run("civic-ledger", ["init", "--data", data, "--origin", "audit.test/log"]).status == 0)
        for batch in 0..<(events / 5) {
            let lines = (0..<5).map { personLeft(batch * 5 + $0) }.joined(separator: "\n")
            #expect(try run("civic-ledger", ["append", "--data", data, "--stream", "reliefcase-\(batch % 3)"], input: lines).status == 0)
        }
        return data
    }

    @Test func keyCheckpointAndProofs() throws {
        let data = try ledger(events: 20)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let key = try run("civic-ledger", ["log", "key", "--data", data]).stdout
        #expect(key.hasPrefix("audit.test/log+"))
        let checkpoint = try run("civic-ledger", ["log", "checkpoint", "--data", data]).stdout
        #expect(checkpoint.hasPrefix("audit.test/log\n20\n"))
        #expect(checkpoint.contains("\n\n— audit.test/log "))
        let inclusion = try run("civic-ledger", ["log", "proof", "inclusion", "--data", data, "--position", "7"])
        #expect(inclusion.stdout.contains(#""leafIndex":7"#) && inclusion.stdout.contains(#""treeSize":20"#))
        let consistency = try run("civic-ledger", ["log", "proof", "consistency", "--data", data, "--from", "5"])
        #expect(consistency.stdout.contains(#""from":5"#) && consistency.stdout.contains(#""to":20"#))
        let tooFar = try run("civic-ledger", ["log", "proof", "inclusion", "--data", data, "--position", "20"])
        #expect(tooFar.status == 3 && tooFar.stderr.contains("Position 20"))
        let raw = try run("civic-ledger", ["read", "--data", data, "--all", "--raw", "--limit", "1"])
        #expect(raw.stdout.contains(#""record":""#) && raw.stdout.contains(#""leafHash":""#))
        let verified = try run("civic-ledger", ["verify", "--data", data])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains(#""events":20"#))
    }

    @Test func anExportedBundleVerifiesOfflineAndAnyChangedByteIsRejected() throws {
        let data = try ledger(events: 30)
        defer { try? FileManager.default.removeItem(atPath: data) }
        let key = try run("civic-ledger", ["log", "key", "--data", data]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let bundle = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        let exported = try run("civic-ledger", ["export", "--data", data, "--out", bundle, "--stream", "reliefcase-1"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("10 events"))
        let good = try run("civic-ledger", ["audit", "verify", bundle, "--key", key])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains(#""events":10"#))
        // Change one byte of one record: the audit must fail.
        let files = try FileManager.default.contentsOfDirectory(atPath: bundle + "/records").sorted()
        let victim = bundle + "/records/" + files[3]
        var bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        bytes[bytes.count - 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: victim))
        let bad = try run("civic-ledger", ["audit", "verify", bundle, "--key", key])
        #expect(bad.status == 4, "\(bad.stdout)")
        #expect(bad.stderr.contains("Audit failed"))
        // A bundle checked with another key is refused too.
        let range = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: range) }
        #expect(try run("civic-ledger", ["export", "--data", data, "--out", range, "--from", "3", "--to", "8"]).status == 0)
        let otherKey = "other.log+00000000+AUjMSOtRjGRFHPaqrTU6W6iQyYcnOaSh+f5/iuXVgoyB"
        #expect(try run("civic-ledger", ["audit", "verify", range, "--key", otherKey]).status != 0)
        #expect(try run("civic-ledger", ["audit", "verify", range, "--key", key]).stdout.contains(#""events":6"#))
    }
}
