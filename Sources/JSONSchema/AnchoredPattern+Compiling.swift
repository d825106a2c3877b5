extension AnchoredPattern {
    /// Compiles `source`, or nil when it is not one of the simple anchored patterns this
    /// matcher answers exactly like ICU (the caller then uses `NSRegularExpression`).
    init?(_ source: String) {
        var reader = PatternReader(bytes: Array(source.utf8))
        guard reader.take(UInt8(ascii: "^")) else { return nil }
        var steps: [Step] = []
        guard let top = reader.alternatives() else { return nil }
        let anchored = reader.take(UInt8(ascii: "$"))
        guard reader.atEnd, top.count == 1 else { return nil }
        steps.append(.end(anchored: anchored))
        start = Self.compile(top[0], next: 0, into: &steps)
        self.steps = steps
    }

    /// What the reader finds: a byte set with its count, or a group of alternatives.
    enum Item {
        case repeated(ByteSet, min: Int, max: Int)
        case group([[Item]])
    }

    /// Adds the steps of `sequence` (built back to front, each pointing at what follows) and
    /// returns the index of its first step.
    private static func compile(_ sequence: [Item], next: Int, into steps: inout [Step]) -> Int {
        var following = next
        for item in sequence.reversed() {
            switch item {
            case .repeated(let set, let min, let max):
                steps.append(.repeated(set: set, min: min, max: max, next: following))
            case .group(let alternatives):
                let starts = alternatives.map { compile($0, next: following, into: &steps) }
                steps.append(.alternatives(starts))
            }
            following = steps.count - 1
        }
        return following
    }
}

/// Reads a pattern's bytes for `AnchoredPattern`; every method returns nil on anything it
/// does not know to mean the same in ICU.
struct PatternReader {
    let bytes: [UInt8]
    var offset = 0

    var atEnd: Bool { offset == bytes.count }
    private var next: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        offset += 1
        return true
    }

    /// `a|b|c` up to a `)`, a final `$` or the end.
    mutating func alternatives() -> [[AnchoredPattern.Item]]? {
        var result: [[AnchoredPattern.Item]] = []
        repeat {
            guard let sequence = sequence() else { return nil }
            result.append(sequence)
        } while take(UInt8(ascii: "|"))
        return result
    }

    private mutating func sequence() -> [AnchoredPattern.Item]? {
        var items: [AnchoredPattern.Item] = []
        while let byte = next, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
            if byte == UInt8(ascii: "$") {
                // Only a final `$` is understood.
                guard offset == bytes.count - 1 else { return nil }
                break
            }
            if take(UInt8(ascii: "(")) {
                // `(?:` groups like `(`; other `(?` forms (look-around, flags) are not understood.
                if take(UInt8(ascii: "?")) { guard take(UInt8(ascii: ":")) else { return nil } }
                guard let group = alternatives(), take(UInt8(ascii: ")")), !isQuantifier else { return nil }
                items.append(.group(group))
                continue
            }
            guard let set = atom(), let (min, max) = quantifier() else { return nil }
            items.append(.repeated(set, min: min, max: max))
        }
        return items
    }

    private var isQuantifier: Bool {
        guard let byte = next else { return false }
        return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "?")
    }

    /// A literal, an escaped punctuation mark, or a class.
    private mutating func atom() -> AnchoredPattern.ByteSet? {
        guard let byte = next else { return nil }
        offset += 1
        var set = AnchoredPattern.ByteSet()
        if byte == UInt8(ascii: "[") { return characterClass() }
        if byte == UInt8(ascii: "\\") {
            guard let escaped = escapedPunctuation() else { return nil }
            set.insert(escaped)
            return set
        }
        guard Self.isAlphanumeric(byte) || Self.plainOutside.contains(byte) else { return nil }
        set.insert(byte)
        return set
    }

    /// `[...]` of literals and ranges, after its `[`; no negation, no nested sets or POSIX classes.
    private mutating func characterClass() -> AnchoredPattern.ByteSet? {
        var set = AnchoredPattern.ByteSet()
        var first = true
        while let byte = next, byte != UInt8(ascii: "]") {
            guard let low = classMember(first: first) else { return nil }
            first = false
            if next == UInt8(ascii: "-"), offset + 1 < bytes.count, bytes[offset + 1] != UInt8(ascii: "]") {
                offset += 1
                guard low != UInt8(ascii: "-"), let high = classMember(first: false), low <= high else { return nil }
                for member in low...high { set.insert(member) }
            } else {
                set.insert(low)
            }
        }
        guard take(UInt8(ascii: "]")), set != AnchoredPattern.ByteSet() else { return nil }
        return set
    }

    private mutating func classMember(first: Bool) -> UInt8? {
        guard let byte = next else { return nil }
        offset += 1
        if byte == UInt8(ascii: "\\") { return escapedPunctuation() }
        if byte == UInt8(ascii: "-") { return first || next == UInt8(ascii: "]") ? byte : nil }
        return Self.isAlphanumeric(byte) || Self.plainInside.contains(byte) ? byte : nil
    }

    /// `\` then a punctuation mark stands for that mark; `\d`, `\w`, `\p{...}` and the like do not qualify.
    private mutating func escapedPunctuation() -> UInt8? {
        guard let byte = next, (0x21...0x7E).contains(byte), !Self.isAlphanumeric(byte) else { return nil }
        offset += 1
        return byte
    }

    /// `{n}`, `{n,}`, `{n,m}`, `*`, `+`, `?` or nothing (once); lazy and possessive forms are not understood.
    private mutating func quantifier() -> (Int, Int)? {
        var bounds = (1, 1)
        if take(UInt8(ascii: "*")) { bounds = (0, .max) }
        else if take(UInt8(ascii: "+")) { bounds = (1, .max) }
        else if take(UInt8(ascii: "?")) { bounds = (0, 1) }
        else if take(UInt8(ascii: "{")) {
            guard let low = number() else { return nil }
            var high = low
            if take(UInt8(ascii: ",")) { high = next == UInt8(ascii: "}") ? .max : (number() ?? -1) }
            guard take(UInt8(ascii: "}")), low <= high else { return nil }
            bounds = (low, high)
        } else {
            return bounds
        }
        return isQuantifier ? nil : bounds
    }

    private mutating func number() -> Int? {
        var value = 0, digits = 0
        while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digits < 4 {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            offset += 1
        }
        return digits > 0 && !(next.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false) ? value : nil
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// Marks that stand for themselves outside a class in ICU (no flags).
    static let plainOutside: Set<UInt8> = Set(" -_,:/@=<>!;'\"%&~#".utf8)
    /// Marks that stand for themselves inside a class in ICU (no `[ ] \ ^ $ & : { }`).
    static let plainInside: Set<UInt8> = Set(" _.,/@=<>!;'\"%#~+*?()|".utf8)
}
