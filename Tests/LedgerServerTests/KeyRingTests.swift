import Foundation
import LedgerServer
import Testing

@Suite("API keys")
struct KeyRingTests {
    private func withKeyFile(_ body: (String) throws -> Void) throws {
        let directory = NSTemporaryDirectory() + "civic-ledger-keys-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(KeyRing.path(inDataDirectory: directory))
    }

    @Test("a token is clk_ and 32 random bytes in base64url; only its SHA-256 is stored, in a 0600 file")
    func storesOnlyHashes() throws {
        try withKeyFile { path in
            var ring = KeyRing()
            let token = try ring.create(name: "clerk-01", role: .appender, typePrefixes: ["assistance."])
            #expect(token.hasPrefix("clk_"))
            #expect(token.count == 4 + 43)
            #expect(token.dropFirst(4).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            try ring.save(to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains(token.dropFirst(4)))
            #expect(text.contains(AccessToken.hash(token).map { String(format: "%02x", $0) }.joined()))
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try KeyRing.load(from: path) == ring)
            #expect(try ring.create(name: "clerk-02", role: .reader) != token)
        }
    }

    @Test("the verifier finds a token's principal, and not a revoked or unknown one")
    func verifies() throws {
        try withKeyFile { path in
            var ring = KeyRing()
            let clerk = try ring.create(name: "clerk-01", role: .appender, typePrefixes: ["assistance."])
            let reader = try ring.create(name: "reader-01", role: .reader)
            try ring.save(to: path)
            let verifier = try TokenVerifier(path: path, reloadInterval: .zero)
            #expect(verifier.principal(for: clerk) == Principal(name: "clerk-01", role: .appender, typePrefixes: ["assistance."]))
            #expect(verifier.principal(for: reader)?.role == .reader)
            #expect(verifier.principal(for: reader + "x") == nil)
            #expect(verifier.principal(for: "") == nil)
            try ring.revoke(name: "reader-01")
            try ring.save(to: path)
            #expect(verifier.principal(for: reader) == nil)
            #expect(verifier.principal(for: clerk) != nil)
        }
    }

    @Test("names are checked and never reused; types limit appenders only")
    func rules() throws {
        var ring = KeyRing()
        _ = try ring.create(name: "a", role: .reader)
        #expect(throws: KeyRingError.nameTaken("a")) { try ring.create(name: "a", role: .auditor) }
        try ring.revoke(name: "a")
        #expect(throws: KeyRingError.nameTaken("a")) { try ring.create(name: "a", role: .auditor) }
        #expect(throws: KeyRingError.alreadyRevoked("a")) { try ring.revoke(name: "a") }
        #expect(throws: KeyRingError.unknownKey("b")) { try ring.revoke(name: "b") }
        #expect(throws: KeyRingError.invalidName("Wang Wei")) { try ring.create(name: "Wang Wei", role: .reader) }
        #expect(throws: KeyRingError.typesNeedAppender(.reader)) { try ring.create(name: "r", role: .reader, typePrefixes: ["a."]) }
    }

    @Test("an appender's type prefixes decide what it may append")
    func typePrefixes() {
        let limited = Principal(name: "c", role: .appender, typePrefixes: ["assistance.", "marriage.Divorce"])
        #expect(limited.mayAppend(type: "assistance.ReliefPaid"))
        #expect(limited.mayAppend(type: "marriage.DivorceRegistered"))
        #expect(!limited.mayAppend(type: "marriage.MarriageRegistered"))
        #expect(Principal(name: "c", role: .appender).mayAppend(type: "any.Thing"))
        #expect(!Principal(name: "r", role: .reader).mayAppend(type: "any.Thing"))
    }
}
