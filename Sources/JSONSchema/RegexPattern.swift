import Foundation

/// A compiled `pattern`. ICU's syntax (via `NSRegularExpression`) stands in for ECMA-262; the two
/// agree on the constructs schemas use in practice, including `\p{...}` Unicode properties.
/// Matching is unanchored, as JSON Schema requires.
///
/// Simple anchored patterns (`^[0-9]{6}$`, `^RS-[0-9]{6}-[0-9]{4}-[0-9]{5}$`) are matched by
/// `AnchoredPattern`, which answers as ICU does at a fraction of the cost: they are most of the
/// catalog's patterns, checked on every append. `CIVIC_LEDGER_PATTERN_FAST_PATH=off` turns
/// that off, to measure it or to rule it out.
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable after creation and documented as
/// safe to use from several threads at once.
final class RegexPattern: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let expression: NSRegularExpression
    /// The fast matcher, when the pattern is simple enough.
    let anchored: AnchoredPattern?

    static let fastPathEnabled = ProcessInfo.processInfo.environment["CIVIC_LEDGER_PATTERN_FAST_PATH"] != "off"

    init?(_ source: String, fastPath: Bool = RegexPattern.fastPathEnabled) {
        // ICU still compiles every pattern: it is what decides that a pattern is valid.
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
        anchored = fastPath ? AnchoredPattern(source) : nil
    }

    func matches(_ text: String) -> Bool {
        if let anchored { return anchored.matches(text) }
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
