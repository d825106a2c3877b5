import JSON

extension SchemaEvaluator {
    /// Applies one check; returns whether the instance passed it.
    mutating func apply(_ check: Check, to instance: JSONValue) -> Bool {
        switch check.rule {
        case .never(let context):
            return fail(check) { ViolationText.notAllowed($0, context: context) }
        case .type(let types):
            return types.admits(instance) || fail(check) { "\($0) must be \(ViolationText.typeNames(types)), got \(ViolationText.show(instance))" }
        case .const(let expected):
            return instance == expected || fail(check) { "\($0) must be exactly \(ViolationText.show(expected)), got \(ViolationText.show(instance))" }
        case .enumeration(let allowed):
            return allowed.contains(instance) || fail(check) { "\($0) must be one of \(ViolationText.list(allowed)), got \(ViolationText.show(instance))" }
        case .reference(let node):
            return evaluate(node, instance)
        case .allOf(let nodes):
            var valid = true
            for node in nodes where !evaluate(node, instance) {
                valid = false
                if !collecting { return false }
            }
            return valid
        case .anyOf(let nodes):
            for node in nodes where quietly(node, instance) { return true }
            return fail(check) { "\($0) must match at least one of the \(nodes.count) allowed forms, but matches none" }
        case .oneOf(let nodes):
            var matches: [Int] = []
            for (position, node) in nodes.enumerated() where quietly(node, instance) {
                matches.append(position)
                if matches.count > 1 && !collecting { return false }
            }
            if matches.count == 1 { return true }
            if matches.isEmpty {
                return fail(check) { "\($0) must match exactly one of the \(nodes.count) allowed forms, but matches none" }
            }
            return fail(check) { "\($0) must match exactly one of the allowed forms, but matches forms \(matches.map { String($0 + 1) }.joined(separator: " and "))" }
        case .not(let node):
            return !quietly(node, instance) || fail(check) { "\($0) must not match the schema at \(check.location)" }
        case .conditional(let condition, let then, let otherwise):
            if quietly(condition, instance) {
                return then.map { evaluate($0, instance) } ?? true
            }
            return otherwise.map { evaluate($0, instance) } ?? true
        default:
            switch instance {
            case .string(let text): return applyToString(check, text)
            case .number(let number): return applyToNumber(check, number)
            case .array(let elements): return applyToArray(check, elements)
            case .object(let object): return applyToObject(check, object)
            default: return true
            }
        }
    }

    private mutating func applyToString(_ check: Check, _ text: String) -> Bool {
        switch check.rule {
        case .minLength(let minimum):
            // A scalar takes 1 to 4 UTF-8 bytes; count scalars only when the byte count cannot decide.
            if (text.utf8.count + 3) / 4 >= minimum { return true }
            let length = text.unicodeScalars.count
            return length >= minimum || fail(check) { "\($0) must be at least \(ViolationText.counted(minimum, "character")) long, got \(length)" }
        case .maxLength(let maximum):
            if text.utf8.count <= maximum { return true }
            let length = text.unicodeScalars.count
            return length <= maximum || fail(check) { "\($0) must be at most \(ViolationText.counted(maximum, "character")) long, got \(length)" }
        case .pattern(let pattern):
            return pattern.matches(text) || fail(check) { "\($0) must match the pattern \(pattern.source), got \(ViolationText.show(.string(text)))" }
        case .format(let format):
            return format.accepts(text) || fail(check) { "\($0) must be \(format.expectation), got \(ViolationText.show(.string(text)))" }
        default:
            return true
        }
    }

    private mutating func applyToNumber(_ check: Check, _ number: JSONNumber) -> Bool {
        switch check.rule {
        case .minimum(let limit):
            return number >= limit || fail(check) { "\($0) must be at least \(limit), got \(number)" }
        case .maximum(let limit):
            return number <= limit || fail(check) { "\($0) must be at most \(limit), got \(number)" }
        case .exclusiveMinimum(let limit):
            return number > limit || fail(check) { "\($0) must be greater than \(limit), got \(number)" }
        case .exclusiveMaximum(let limit):
            return number < limit || fail(check) { "\($0) must be less than \(limit), got \(number)" }
        case .multipleOf(let divisor):
            return number.isMultiple(of: divisor) || fail(check) { "\($0) must be a multiple of \(divisor), got \(number)" }
        default:
            return true
        }
    }
}
