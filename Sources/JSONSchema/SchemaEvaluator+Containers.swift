import JSON

extension SchemaEvaluator {
    mutating func applyToArray(_ check: Check, _ elements: [JSONValue]) -> Bool {
        switch check.rule {
        case .minItems(let minimum):
            return elements.count >= minimum || fail(check) { "\($0) must have at least \(ViolationText.counted(minimum, "item")), got \(elements.count)" }
        case .maxItems(let maximum):
            return elements.count <= maximum || fail(check) { "\($0) must have at most \(ViolationText.counted(maximum, "item")), got \(elements.count)" }
        case .uniqueItems:
            guard let (first, second) = Self.firstRepeat(in: elements) else { return true }
            return fail(check) { "\($0) must not repeat items, but items \(first) and \(second) are equal" }
        case .prefixItems(let nodes):
            return each(zip(nodes, elements.indices)) { $0.evaluateElement($1.0, at: $1.1, elements) }
        case .items(let start, let node):
            guard start < elements.count else { return true }
            return each(elements.indices[start...]) { $0.evaluateElement(node, at: $1, elements) }
        case .contains(let node, let minimum, let maximum):
            var matches = 0
            for element in elements where quietly(node, element) { matches += 1 }
            if matches < minimum {
                return fail(check) { "\($0) must contain at least \(ViolationText.counted(minimum, "matching item")), got \(matches)" }
            }
            if let maximum, matches > maximum {
                return fail(check) { "\($0) must contain at most \(ViolationText.counted(maximum, "matching item")), got \(matches)" }
            }
            return true
        default:
            return true
        }
    }

    private mutating func evaluateElement(_ node: Int, at index: Int, _ elements: [JSONValue]) -> Bool {
        descend(.index(index), node, elements[index])
    }

    /// Runs `body` for every element, stopping early only when not collecting.
    mutating func each<S: Sequence>(_ sequence: S, _ body: (inout SchemaEvaluator, S.Element) -> Bool) -> Bool {
        var valid = true
        for element in sequence where !body(&self, element) {
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    /// The positions of the first two equal elements, if any.
    static func firstRepeat(in elements: [JSONValue]) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        for (position, element) in elements.enumerated() {
            if let earlier = seen.updateValue(position, forKey: element) { return (earlier, position) }
        }
        return nil
    }

    mutating func applyToObject(_ check: Check, _ object: JSONObject) -> Bool {
        switch check.rule {
        case .required(let names):
            return each(names) { evaluator, name in
                object.position(of: name) != nil
                    || evaluator.fail(check, member: name) { "\($0) is required but missing" }
            }
        case .dependentRequired(let entries):
            return each(entries) { evaluator, entry in
                guard object.position(of: entry.property) != nil else { return true }
                return evaluator.each(entry.requires) { evaluator, name in
                    object.position(of: name) != nil || evaluator.fail(check, member: name) { subject in
                        "\(subject) is required when `\(entry.property)` is present, but missing"
                    }
                }
            }
        case .minProperties(let minimum):
            return object.count >= minimum || fail(check) { "\($0) must have at least \(ViolationText.counted(minimum, "field")), got \(object.count)" }
        case .maxProperties(let maximum):
            return object.count <= maximum || fail(check) { "\($0) must have at most \(ViolationText.counted(maximum, "field")), got \(object.count)" }
        case .properties(let table):
            return each(object.members) { evaluator, member in
                guard let node = table.node(for: member.key) else { return true }
                return evaluator.descend(.key(member.key), node, member.value)
            }
        case .patternProperties(let entries):
            return each(object.members) { evaluator, member in
                evaluator.each(entries) { evaluator, entry in
                    !entry.pattern.matches(member.key) || evaluator.descend(.key(member.key), entry.node, member.value)
                }
            }
        case .additionalProperties(let node, let declared, let patterns):
            return each(object.members) { evaluator, member in
                if declared.node(for: member.key) != nil || patterns.contains(where: { $0.matches(member.key) }) { return true }
                return evaluator.descend(.key(member.key), node, member.value)
            }
        case .propertyNames(let node):
            return each(object.members) { evaluator, member in
                evaluator.quietly(node, .string(member.key)) || evaluator.fail(check, member: member.key) { subject in
                    "\(subject) has a field name that is not allowed here"
                }
            }
        case .dependentSchemas(let entries):
            return each(entries) { evaluator, entry in
                object.position(of: entry.property) == nil || evaluator.evaluate(entry.node, .object(object))
            }
        default:
            return true
        }
    }
}
