import Foundation
@testable import JSONSchema
import Testing

/// The fast matcher for simple anchored patterns must answer exactly as ICU does: checked on
/// every pattern of the catalog and on hand-picked ones, against thousands of strings that
/// match, nearly match, or end in line terminators and non-ASCII digits.
@Suite("Anchored pattern fast path")
struct AnchoredPatternTests {
    /// Every `pattern` in Schemas/events.
    static let catalogPatterns: [String] = {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while root.path != "/" && !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { root.deleteLastPathComponent() }
        let directory = root.appendingPathComponent("Schemas/events")
        var found = Set<String>()
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let pattern = object["pattern"] as? String { found.insert(pattern) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        for path in (FileManager.default.subpaths(atPath: directory.path) ?? []) where path.hasSuffix(".json") {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path),
               let json = try? JSONSerialization.jsonObject(with: data) { walk(json) }
        }
        return found.sorted()
    }()

    /// Simple patterns beyond the catalog's, each within what the fast path takes.
    static let simplePatterns = [
        "^a$", "^abc", "^$", "^[a-c]*$", "^x+y?z{2,}$", "^(a|ab)(c|bcd)(d*)$", "^(?:ab|a)b$", "^[0-9]{1,3}-?[0-9]*$",
        "^(|a)b$", "^[-a]+$", "^[a-]+$", "^\\.\\-\\+[\\]\\[]$", "^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$", "^a{0}b$",
        "^[A-Za-z ]+$",
    ]

    /// Patterns the fast path must leave to ICU.
    static let icuOnly = [
        "[0-9]{6}", "^\\d{6}$", "^.$", "^[^a]$", "^(ab)+$", "^a+?$", "^a++$", "^a$b", "^[[:digit:]]$", "^\\p{L}$", "^a|b$",
        "^[a&&b]$", "^(?=a)a$", "^a{2,1}$", "^[z-a]$", "^\\w$", "^a$|^b$", "^(?i)a$", "^{1}$", "^a{1$", "^(a|b|)+$",
    ]

    @Test("every catalog pattern takes the fast path, and the ones it must not, do not")
    func coverage() {
        for pattern in Self.catalogPatterns + Self.simplePatterns {
            #expect(AnchoredPattern(pattern) != nil, "\(pattern) should take the fast path")
        }
        for pattern in Self.icuOnly {
            #expect(AnchoredPattern(pattern) == nil, "\(pattern) should be left to ICU")
        }
        #expect(Self.catalogPatterns.count >= 30)
    }

    @Test("the fast path and NSRegularExpression agree on thousands of strings for every pattern")
    func agreesWithICU() throws {
        var random = SplitMix64(seed: 2026)
        var compared = 0, matched = 0
        for source in Self.catalogPatterns + Self.simplePatterns {
            let fast = try #require(AnchoredPattern(source))
            let icu = try NSRegularExpression(pattern: source)
            for sample in Self.samples(for: fast, count: 400, random: &random) {
                let expected = icu.firstMatch(in: sample, range: NSRange(location: 0, length: sample.utf16.count)) != nil
                #expect(fast.matches(sample) == expected, "\(source) on \(sample.debugDescription): ICU says \(expected)")
                compared += 1
                if expected { matched += 1 }
            }
        }
        // Both sides of the question were asked often.
        #expect(matched > compared / 5 && matched < compared * 4 / 5, "\(matched) of \(compared) matched")
    }

    @Test("a schema's pattern keyword gives the same verdicts with the fast path on and off")
    func schemaVerdictsUnchanged() throws {
        for source in Self.catalogPatterns {
            let fast = try #require(RegexPattern(source, fastPath: true))
            let slow = try #require(RegexPattern(source, fastPath: false))
            #expect(fast.anchored != nil && slow.anchored == nil)
            var random = SplitMix64(seed: UInt64(source.utf8.count))
            for sample in Self.samples(for: fast.anchored!, count: 50, random: &random) {
                #expect(fast.matches(sample) == slow.matches(sample), "\(source) on \(sample.debugDescription)")
            }
        }
    }

    /// Strings that match `pattern`, then the same mutated: a character replaced, inserted or
    /// removed, a line terminator appended, a non-ASCII character put in.
    static func samples(for pattern: AnchoredPattern, count: Int, random: inout SplitMix64) -> [String] {
        let tricky: [String] = ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "٣", "民", "é", "X", " ", "-", "0", "a", ""]
        var result: [String] = ["", "\n"]
        while result.count < count {
            var text = Array(matching(pattern, random: &random))
            switch random.next(below: 6) {
            case 0: break
            case 1 where !text.isEmpty:
                let single = tricky.filter { $0.count == 1 }
                text[random.next(below: text.count)] = Character(single[random.next(below: single.count)])
            case 2: text.insert(contentsOf: tricky[random.next(below: tricky.count)], at: random.next(below: text.count + 1))
            case 3 where !text.isEmpty: text.remove(at: random.next(below: text.count))
            case 4: text += tricky[random.next(below: 9)]
            default: text += Array(matching(pattern, random: &random)).prefix(2)
            }
            result.append(String(text))
        }
        return result
    }

    /// A random string the pattern matches, walking its steps.
    static func matching(_ pattern: AnchoredPattern, random: inout SplitMix64) -> String {
        var bytes: [UInt8] = []
        var index = pattern.start
        while true {
            switch pattern.steps[index] {
            case .repeated(let set, let min, let max, let next):
                let members = (0..<128).map(UInt8.init).filter(set.contains)
                for _ in 0..<(min + random.next(below: Swift.min(max - min, 3) + 1)) { bytes.append(members[random.next(below: members.count)]) }
                index = next
            case .alternatives(let starts):
                index = starts[random.next(below: starts.count)]
            case .end(let anchored):
                if !anchored { bytes += Array("tail".utf8.prefix(random.next(below: 5))) }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}

/// A small seeded generator, so that a failure can be reproduced.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
