import JSON

/// Pieces of canonical JSON text, written as `JSONWriter(style: .canonical)` writes them.
enum CanonicalText {
    /// A whole number, as `JSONNumber(value).description` spells it.
    static func integer(_ value: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Escapes only `"`, `\` and control characters, as the canonical writer does.
    static func string(_ text: String, into bytes: inout [UInt8]) {
        JSONWriter.writeString(text, into: &bytes)
    }
}
