import Foundation
import Testing
@testable import CivilAffairs

@Suite struct PersonPseudonymTests {
    let number = try! IDNumber("11010519491231002X")

    /// HMAC-SHA-256 with a key of 32 bytes 0x00…0x1f, computed independently with Python's hmac module:
    /// `hmac.new(bytes(range(32)), b"11010519491231002X", "sha256").hexdigest()[:32]`.
    @Test func isTheTruncatedHMAC() throws {
        let key = try PseudonymKey(bytes: Array(0..<32))
        #expect(key.pseudonym(of: number) == "a66755453b106dcea0cfa264214ae59f")
    }

    @Test func dependsOnTheKey() throws {
        let one = try PseudonymKey(bytes: Array(repeating: 1, count: 32))
        let two = try PseudonymKey(bytes: Array(repeating: 2, count: 32))
        #expect(one.pseudonym(of: number) != two.pseudonym(of: number))
        #expect(one.pseudonym(of: number) == one.pseudonym(of: try IDNumber("11010519491231002x")))
    }

    @Test func theKeyFileIsPrivateAndNeverReplaced() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pseudonym-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = PseudonymKey.path(in: directory)
        let created = try PseudonymKey.create(at: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try PseudonymKey.load(from: path).pseudonym(of: number) == created.pseudonym(of: number))
        #expect(throws: PseudonymKeyError.exists(path)) { try PseudonymKey.create(at: path) }
        try "not a key\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try PseudonymKey.load(from: path) } throws: { "\($0)".contains("64 hexadecimal digits") }
    }

    @Test func aKeyHasThirtyTwoBytes() {
        #expect(throws: PseudonymKeyError.wrongSize(16)) { try PseudonymKey(bytes: Array(repeating: 0, count: 16)) }
    }
}
