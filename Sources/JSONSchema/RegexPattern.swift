import Foundation

/// A compiled `pattern`. ICU's syntax (via `NSRegularExpression`) stands in for ECMA-262; the two
/// agree on the constructs schemas use in practice, including `\p{...}` Unicode properties.
/// Matching is unanchored, as JSON Schema requires.
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable after creation and documented as
/// safe to use from several threads at once.
final class RegexPattern: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.source = source
        self.expression = expression
    }

    func matches(_ text: String) -> Bool {
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
