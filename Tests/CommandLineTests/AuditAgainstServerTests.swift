import Foundation
import Testing

/// The auditor's real flow: it kept a checkpoint from earlier; later it gets a newer bundle and
/// proves, with a consistency proof fetched from the server, that the log only grew between them.
@Suite("audit verify --against an earlier checkpoint, with --server")
struct AuditAgainstServerTests {
    /// A ledger of `origin`, optionally signing with the key file `key` (a fork of another log).
    private func ledger(key: String? = nil, first: Int, count: Int) throws -> String {
        let data = temporaryPath()
        if let key {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: key, toPath: data + "/log-signing.key")
        }
        #expect(try run("civic-ledger", ["init", "--data", data, "--origin", "audit.test/log"]).status == 0)
        try append(to: data, first: first, count: count)
        return data
    }

    private func append(to data: String, first: Int, count: Int) throws {
        for batch in stride(from: first, to: first + count, by: 5) {
            let lines = (batch..<min(batch + 5, first + count)).map { personLeft($0) }.joined(separator: "\n")
            let appended = try run("civic-ledger", ["append", "--data", data, "--stream", "reliefcase-\(batch % 2)"], input: lines)
            #expect(appended.status == 0, "\(appended.stderr)")
        }
    }

    private func save(_ text: String) throws -> String {
        let path = temporaryPath() + ".checkpoint"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aNewerBundleIsProvenToExtendTheCheckpointKeptEarlier() throws {
        let data = try ledger(first: 0, count: 10)
        defer { try? FileManager.default.removeItem(atPath: data) }
        // The auditor keeps the checkpoint of size 10 ...
        let kept = try run("civic-ledger", ["log", "checkpoint", "--data", data]).stdout
        #expect(kept.hasPrefix("audit.test/log\n10\n"))
        let keptFile = try save(kept)
        defer { try? FileManager.default.removeItem(atPath: keptFile) }
        // ... the log grows, and a bundle is exported from the newer log.
        try append(to: data, first: 10, count: 15)
        let bundle = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        #expect(try run("civic-ledger", ["export", "--data", data, "--out", bundle, "--stream", "reliefcase-1"]).status == 0)
        let key = try run("civic-ledger", ["log", "key", "--data", data]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = try run("civic-ledger", ["keys", "create", "--data", data, "--name", "auditor", "--role", "auditor"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServedLedger(data: data)
        defer { server.stop() }

        let good = try run("civic-ledger", ["audit", "verify", bundle, "--key", key, "--against", keptFile, "--server", server.base, "--token", token])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains(#""treeSize":25"#), "\(good.stdout)")
        // The token may come from the environment too; without any, the server refuses and the audit says so.
        let fromEnvironment = try run("civic-ledger", ["audit", "verify", bundle, "--key", key, "--against", keptFile, "--server", server.base],
                                      environment: ["CIVIC_LEDGER_TOKEN": token])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        let noToken = try run("civic-ledger", ["audit", "verify", bundle, "--key", key, "--against", keptFile, "--server", server.base],
                              environment: ["CIVIC_LEDGER_TOKEN": ""])
        #expect(noToken.status == 4 && noToken.stderr.contains("answered 401"), "\(noToken.stderr)")
        // --against without --server is a usage error.
        #expect(try run("civic-ledger", ["audit", "verify", bundle, "--key", key, "--against", keptFile]).status == 1)
    }

    @Test func aForgedOrForkedEarlierCheckpointIsRefused() throws {
        let data = try ledger(first: 0, count: 10)
        defer { try? FileManager.default.removeItem(atPath: data) }
        // A fork: another ledger signed with the same key, whose first 10 events differ.
        let fork = try ledger(key: data + "/log-signing.key", first: 500, count: 10)
        defer { try? FileManager.default.removeItem(atPath: fork) }
        // A forgery: a checkpoint of size 10 of a log with the same name but another key.
        let stranger = try ledger(first: 0, count: 10)
        defer { try? FileManager.default.removeItem(atPath: stranger) }
        let forkedFile = try save(try run("civic-ledger", ["log", "checkpoint", "--data", fork]).stdout)
        let forgedFile = try save(try run("civic-ledger", ["log", "checkpoint", "--data", stranger]).stdout)
        defer {
            try? FileManager.default.removeItem(atPath: forkedFile)
            try? FileManager.default.removeItem(atPath: forgedFile)
        }
        try append(to: data, first: 10, count: 15)
        let bundle = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        #expect(try run("civic-ledger", ["export", "--data", data, "--out", bundle, "--from", "0", "--to", "24"]).status == 0)
        let key = try run("civic-ledger", ["log", "key", "--data", data]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let token = try run("civic-ledger", ["keys", "create", "--data", data, "--name", "auditor", "--role", "auditor"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServedLedger(data: data)
        defer { server.stop() }
        func audit(against file: String) throws -> Finished {
            try run("civic-ledger", ["audit", "verify", bundle, "--key", key, "--against", file, "--server", server.base, "--token", token])
        }
        // The forked checkpoint is signed with the log's own key, but the log never held that tree.
        let forked = try audit(against: forkedFile)
        #expect(forked.status == 4, "\(forked.stdout)")
        #expect(forked.stderr.contains("Audit failed") && forked.stderr.contains("did not only grow between size 10 and 25"), "\(forked.stderr)")
        #expect(!forked.stdout.contains(#""treeSize""#))
        // The forged one is not signed by the log's key at all.
        let forged = try audit(against: forgedFile)
        #expect(forged.status == 4, "\(forged.stdout)")
        #expect(forged.stderr.contains("the earlier checkpoint is not signed by \(key)"), "\(forged.stderr)")
        // A kept checkpoint newer than the bundle cannot be extended by it.
        try append(to: fork, first: 510, count: 20)
        let newerFork = try save(try run("civic-ledger", ["log", "checkpoint", "--data", fork]).stdout)
        defer { try? FileManager.default.removeItem(atPath: newerFork) }
        let larger = try audit(against: newerFork)
        #expect(larger.status == 4 && larger.stderr.contains("is larger than the bundle's (25)"), "\(larger.stderr)")
    }
}
