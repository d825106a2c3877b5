import JSON

extension SchemaCompiler {
    /// The compiled rule for one keyword, or nil when the keyword has no effect here.
    mutating func rule(for keyword: String, _ value: JSONValue, in object: JSONObject, at location: JSONPointer) throws(SchemaCompileError) -> Rule? {
        let here = location.appending(keyword)
        switch keyword {
        case "$ref":
            guard case .string(let reference) = value else { throw invalid(keyword, "a string", at: location, value) }
            guard let target = resources.locate(reference, from: location), target.resolve(in: document) != nil else {
                throw SchemaCompileError(.unresolvableReference(reference), at: here.description)
            }
            return .reference(try node(at: target))
        case "type": return .type(try types(value, at: location))
        case "const": return .const(value)
        case "enum":
            guard case .array(let values) = value else { throw invalid(keyword, "an array", at: location, value) }
            return .enumeration(values)
        case "minLength": return .minLength(try count(keyword, value, at: location))
        case "maxLength": return .maxLength(try count(keyword, value, at: location))
        case "pattern":
            guard case .string(let source) = value else { throw invalid(keyword, "a string", at: location, value) }
            return .pattern(try pattern(source, at: here))
        case "format":
            guard case .string(let name) = value else { throw invalid(keyword, "a string", at: location, value) }
            guard let format = StringFormat(rawValue: name) else {
                throw SchemaCompileError(.unsupportedFormat(name), at: here.description)
            }
            return .format(format)
        case "minimum": return .minimum(try number(keyword, value, at: location))
        case "maximum": return .maximum(try number(keyword, value, at: location))
        case "exclusiveMinimum": return .exclusiveMinimum(try number(keyword, value, at: location))
        case "exclusiveMaximum": return .exclusiveMaximum(try number(keyword, value, at: location))
        case "multipleOf":
            let divisor = try number(keyword, value, at: location)
            guard !divisor.isNegative && !divisor.isZero else { throw invalid(keyword, "a number above zero", at: location, value) }
            return .multipleOf(divisor)
        case "minItems": return .minItems(try count(keyword, value, at: location))
        case "maxItems": return .maxItems(try count(keyword, value, at: location))
        case "uniqueItems":
            guard case .bool(let unique) = value else { throw invalid(keyword, "true or false", at: location, value) }
            return unique ? .uniqueItems : nil
        case "minProperties": return .minProperties(try count(keyword, value, at: location))
        case "maxProperties": return .maxProperties(try count(keyword, value, at: location))
        case "required": return .required(try names(keyword, value, at: location))
        case "dependentRequired":
            guard case .object(let map) = value else { throw invalid(keyword, "an object of name arrays", at: location, value) }
            var entries: [(property: String, requires: [String])] = []
            for member in map {
                entries.append((member.key, try names(keyword, member.value, at: location)))
            }
            return .dependentRequired(entries)
        default:
            return try applicatorRule(for: keyword, value, in: object, at: location)
        }
    }

    private mutating func applicatorRule(for keyword: String, _ value: JSONValue, in object: JSONObject, at location: JSONPointer) throws(SchemaCompileError) -> Rule? {
        let here = location.appending(keyword)
        switch keyword {
        case "properties":
            return .properties(PropertyTable(try subschemaMap(keyword, value, at: location)))
        case "patternProperties":
            var entries: [(pattern: RegexPattern, node: Int)] = []
            for (source, node) in try subschemaMap(keyword, value, at: location) {
                entries.append((try pattern(source, at: here.appending(source)), node))
            }
            return .patternProperties(entries)
        case "additionalProperties":
            var declared: [(String, Int)] = []
            if case .object(let properties)? = object["properties"] { declared = properties.keys.map { ($0, 0) } }
            var patterns: [RegexPattern] = []
            if case .object(let patternProperties)? = object["patternProperties"] {
                for source in patternProperties.keys {
                    patterns.append(try pattern(source, at: location.appending("patternProperties").appending(source)))
                }
            }
            let node = try node(at: here, context: keyword)
            return .additionalProperties(node: node, declared: PropertyTable(declared), patterns: patterns)
        case "propertyNames": return .propertyNames(try node(at: here, context: keyword))
        case "dependentSchemas":
            let entries = try subschemaMap(keyword, value, at: location).map { (property: $0.0, node: $0.1) }
            return .dependentSchemas(entries)
        case "prefixItems": return .prefixItems(try subschemaList(keyword, value, at: location))
        case "items":
            var start = 0
            if case .array(let prefix)? = object["prefixItems"] { start = prefix.count }
            return .items(startingAt: start, node: try node(at: here, context: keyword))
        case "contains":
            let minimum = try object["minContains"].map { v throws(SchemaCompileError) in try count("minContains", v, at: location) } ?? 1
            let maximum = try object["maxContains"].map { v throws(SchemaCompileError) in try count("maxContains", v, at: location) }
            return .contains(node: try node(at: here), minimum: minimum, maximum: maximum)
        case "allOf": return .allOf(try subschemaList(keyword, value, at: location))
        case "anyOf": return .anyOf(try subschemaList(keyword, value, at: location))
        case "oneOf": return .oneOf(try subschemaList(keyword, value, at: location))
        case "not": return .not(try node(at: here))
        case "if":
            let condition = try node(at: here)
            let then = object["then"] == nil ? nil : try node(at: location.appending("then"))
            let otherwise = object["else"] == nil ? nil : try node(at: location.appending("else"))
            if then == nil && otherwise == nil { return nil }
            return .conditional(condition: condition, then: then, otherwise: otherwise)
        default:
            throw SchemaCompileError(.unsupportedKeyword(keyword), at: here.description)
        }
    }

    private func types(_ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> TypeSet {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let list) where !list.isEmpty: names = list
        default: throw invalid("type", "a type name or a non-empty array of them", at: location, value)
        }
        var set: TypeSet = []
        for name in names {
            guard case .string(let text) = name, let type = TypeSet.byName.first(where: { $0.0 == text })?.1 else {
                throw invalid("type", "one of null, boolean, object, array, number, string, integer", at: location, value)
            }
            set.insert(type)
        }
        return set
    }

    private func number(_ keyword: String, _ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> JSONNumber {
        guard case .number(let number) = value else { throw invalid(keyword, "a number", at: location, value) }
        return number
    }

    private func names(_ keyword: String, _ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> [String] {
        guard case .array(let list) = value else { throw invalid(keyword, "an array of strings", at: location, value) }
        var names: [String] = []
        for element in list {
            guard case .string(let name) = element else { throw invalid(keyword, "an array of strings", at: location, value) }
            names.append(name)
        }
        return names
    }

    private func pattern(_ source: String, at location: JSONPointer) throws(SchemaCompileError) -> RegexPattern {
        guard let pattern = RegexPattern(source) else {
            throw SchemaCompileError(.invalidPattern(source), at: location.description)
        }
        return pattern
    }

    private mutating func subschemaMap(_ keyword: String, _ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> [(String, Int)] {
        guard case .object(let map) = value else { throw invalid(keyword, "an object of schemas", at: location, value) }
        var entries: [(String, Int)] = []
        for member in map {
            entries.append((member.key, try node(at: location.appending(keyword).appending(member.key), context: keyword)))
        }
        return entries
    }

    private mutating func subschemaList(_ keyword: String, _ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> [Int] {
        guard case .array(let list) = value, !list.isEmpty || keyword == "prefixItems" else {
            throw invalid(keyword, "a non-empty array of schemas", at: location, value)
        }
        var nodes: [Int] = []
        for position in list.indices {
            nodes.append(try node(at: location.appending(keyword).appending(index: position), context: keyword))
        }
        return nodes
    }
}
