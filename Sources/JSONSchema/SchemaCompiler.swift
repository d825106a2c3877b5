import JSON

/// Turns a schema document into a list of nodes, resolving every `$ref` once.
struct SchemaCompiler {
    let document: JSONValue
    let resources: SchemaResources
    private(set) var nodes: [SchemaNode] = []
    private var nodeAt: [JSONPointer: Int] = [:]

    init(document: JSONValue) {
        self.document = document
        self.resources = SchemaResources(document: document)
    }

    /// The node for the schema at `location`, compiling it on first use. The node is registered
    /// before its keywords are compiled, so a `$ref` back to it finds it instead of recursing.
    mutating func node(at location: JSONPointer, context: String? = nil) throws(SchemaCompileError) -> Int {
        if let existing = nodeAt[location] { return existing }
        guard let schema = location.resolve(in: document) else {
            throw SchemaCompileError(.unresolvableReference("#" + location.description), at: location.description)
        }
        let index = nodes.count
        nodes.append(SchemaNode(location: location.description))
        nodeAt[location] = index
        nodes[index].checks = try checks(for: schema, at: location, context: context)
        return index
    }

    private mutating func checks(for schema: JSONValue, at location: JSONPointer, context: String?) throws(SchemaCompileError) -> [Check] {
        switch schema {
        case .bool(true):
            return []
        case .bool(false):
            return [Check(keyword: context ?? "false", location: location.description, rule: .never(context: context))]
        case .object(let object):
            for member in object where !SchemaVocabulary.isKnown(member.key) {
                throw SchemaCompileError(.unsupportedKeyword(member.key), at: location.appending(member.key).description)
            }
            if case .object(let definitions)? = object["$defs"] {
                // Compiled even when unused, so a mistake in a definition is never silently ignored.
                for entry in definitions { _ = try node(at: location.appending("$defs").appending(entry.key)) }
            } else if let definitions = object["$defs"] {
                throw invalid("$defs", "an object of schemas", at: location, definitions)
            }
            var checks: [Check] = []
            for keyword in SchemaVocabulary.evaluationOrder {
                guard let value = object[keyword] else { continue }
                if let rule = try rule(for: keyword, value, in: object, at: location) {
                    checks.append(Check(keyword: keyword, location: location.appending(keyword).description, rule: rule))
                }
            }
            try compileUnusedSubschemas(of: object, at: location)
            return checks
        default:
            throw SchemaCompileError(.notASchema, at: location.description)
        }
    }

    /// `then`, `else` without `if`, and `contains` bounds without `contains` have no effect,
    /// yet their subschemas are still compiled so unknown keywords in them are caught.
    private mutating func compileUnusedSubschemas(of object: JSONObject, at location: JSONPointer) throws(SchemaCompileError) {
        if object["if"] == nil {
            for keyword in ["then", "else"] where object[keyword] != nil {
                _ = try node(at: location.appending(keyword))
            }
        }
        if object["contains"] == nil {
            for keyword in ["minContains", "maxContains"] {
                if let value = object[keyword] { _ = try count(keyword, value, at: location) }
            }
        }
    }

    func invalid(_ keyword: String, _ expected: String, at location: JSONPointer, _ value: JSONValue) -> SchemaCompileError {
        SchemaCompileError(.invalidValue(keyword: keyword, expected: expected), at: location.appending(keyword).description)
    }

    /// A non-negative integer keyword value such as `minLength` (`2.0` counts as 2).
    func count(_ keyword: String, _ value: JSONValue, at location: JSONPointer) throws(SchemaCompileError) -> Int {
        guard case .number(let number) = value, !number.isNegative else {
            throw invalid(keyword, "a non-negative integer", at: location, value)
        }
        guard number.isInteger else { throw invalid(keyword, "a non-negative integer", at: location, value) }
        return number.intValue ?? Int.max
    }

    /// Refuses `$ref` cycles that never step into the instance, since evaluating them cannot end.
    func checkForEndlessReferences() throws(SchemaCompileError) {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the path, 2 done
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, children: [Int], next: Int)] = [(start, nodes[start].inPlaceChildren, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next == top.children.count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let child = top.children[top.next]
                if state[child] == 1 { throw SchemaCompileError(.endlessReference, at: nodes[child].location) }
                if state[child] == 0 {
                    state[child] = 1
                    stack.append((child, nodes[child].inPlaceChildren, 0))
                }
            }
        }
    }
}
