/// A fast matcher for the simple anchored patterns schemas use for identifiers and codes —
/// `^[0-9]{6}$`, `^RS-[0-9]{6}-[0-9]{4}-[0-9]{5}$`, `^(19|20)[0-9]{2}$`: ASCII literals and
/// character classes with counts, and groups of alternatives, after a leading `^`.
///
/// It answers exactly as `NSRegularExpression` (ICU) does for these patterns — including ICU's
/// `$`, which also matches before one line terminator at the very end — and refuses to compile
/// anything else (`\d`, `.`, negated classes, quantified groups, no `^`...), which then goes
/// to ICU. Matching walks the UTF-8 bytes: every class holds only ASCII, so a byte of a
/// multi-byte character never matches, exactly as the character would not.
struct AnchoredPattern: Sendable {
    /// One step of the compiled pattern; `next` is the index of the step that follows.
    enum Step: Sendable {
        /// Between `min` and `max` bytes of `set`, greedily, backing off as needed.
        case repeated(set: ByteSet, min: Int, max: Int, next: Int)
        /// Any one of the alternatives, each starting at its step.
        case alternatives([Int])
        /// The end of the pattern: `$` (with ICU's final line terminator) or, without `$`, anything.
        case end(anchored: Bool)
    }

    /// A set of ASCII bytes as a 128-bit mask.
    struct ByteSet: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }
    }

    let steps: [Step]
    let start: Int

    /// Whether `text` matches; the same answer as ICU's `firstMatch(in:) != nil`.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { run(start, at: 0, in: $0) }
    }

    private func run(_ index: Int, at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch steps[index] {
        case .repeated(let set, let min, let max, let next):
            var count = 0
            while count < max, position + count < bytes.count, set.contains(bytes[position + count]) { count += 1 }
            guard count >= min else { return false }
            if case .end(let anchored) = steps[next] {
                // The last step: only the few positions that leave at most a line terminator can end it.
                let nearest = Swift.max(min, bytes.count - position - 3)
                return !anchored || (nearest <= count && (nearest...count).contains { Self.isEnd(position + $0, of: bytes) })
            }
            for taken in stride(from: count, through: min, by: -1) where run(next, at: position + taken, in: bytes) { return true }
            return false
        case .alternatives(let starts):
            return starts.contains { run($0, at: position, in: bytes) }
        case .end(let anchored):
            return !anchored || Self.isEnd(position, of: bytes)
        }
    }

    /// ICU's `$` without multi-line mode: the end of the text, or before a line terminator
    /// (LF, VT, FF, CR, CR LF, NEL, LS, PS) that ends the text.
    static func isEnd(_ position: Int, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let rest = bytes.count - position
        guard rest > 0 else { return rest == 0 }
        let first = bytes[position]
        switch rest {
        case 1: return (0x0A...0x0D).contains(first)
        case 2: return (first == 0x0D && bytes[position + 1] == 0x0A) || (first == 0xC2 && bytes[position + 1] == 0x85)
        case 3: return first == 0xE2 && bytes[position + 1] == 0x80 && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9)
        default: return false
        }
    }
}
