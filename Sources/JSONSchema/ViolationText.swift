import JSON

/// The wording of violation messages: short, concrete, and showing what was found.
enum ViolationText {
    /// A value as a clerk would read it: JSON for scalars (cut short when long), a summary for containers.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements): return "a list of \(counted(elements.count, "item"))"
        case .object: return "an object"
        default:
            let text = value.serialized()
            return text.count > 60 ? String(text.prefix(57)) + "...\"" : text
        }
    }

    /// Up to eight allowed values, then a count of the rest.
    static func list(_ values: [JSONValue]) -> String {
        if values.isEmpty { return "no value at all" }
        var shown = values.prefix(8).map { $0.serialized() }.joined(separator: ", ")
        if values.count > 8 { shown += " and \(values.count - 8) more" }
        return shown
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    static func typeNames(_ types: TypeSet) -> String {
        var names: [String] = []
        if types.contains(.object) { names.append("an object") }
        if types.contains(.array) { names.append("a list") }
        if types.contains(.string) { names.append("a text") }
        if types.contains(.number) { names.append("a number") } else if types.contains(.integer) { names.append("a whole number") }
        if types.contains(.boolean) { names.append("true or false") }
        if types.contains(.null) { names.append("null") }
        guard names.count > 1 else { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }

    static func notAllowed(_ subject: String, context: String?) -> String {
        switch context {
        case "additionalProperties": "\(subject) is not an allowed field"
        case "items", "prefixItems": "\(subject) is one item too many for this list"
        default: "\(subject) is not allowed here"
        }
    }
}
