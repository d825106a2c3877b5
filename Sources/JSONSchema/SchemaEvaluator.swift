import JSON

/// Walks an instance through compiled nodes. In collecting mode it records every violation;
/// otherwise (inside `anyOf`, `oneOf`, `not`, `if`, `contains`, `propertyNames`) it only needs a
/// yes or no and stops at the first failure.
struct SchemaEvaluator {
    let nodes: [SchemaNode]
    var collecting: Bool
    var violations: [Violation] = []
    /// The instance location being checked, built up and torn down while descending.
    var path: [PathToken] = []

    enum PathToken {
        case key(String)
        case index(Int)
    }

    init(nodes: [SchemaNode], collecting: Bool) {
        self.nodes = nodes
        self.collecting = collecting
        path.reserveCapacity(16)
    }

    var instanceLocation: JSONPointer {
        JSONPointer(tokens: path.map { token in
            switch token {
            case .key(let key): key
            case .index(let index): String(index)
            }
        })
    }

    mutating func evaluate(_ node: Int, _ instance: JSONValue) -> Bool {
        var valid = true
        for check in nodes[node].checks where !apply(check, to: instance) {
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    /// Evaluates without recording anything, whatever the current mode.
    mutating func quietly(_ node: Int, _ instance: JSONValue) -> Bool {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return evaluate(node, instance)
    }

    mutating func descend(_ token: PathToken, _ node: Int, _ instance: JSONValue) -> Bool {
        path.append(token)
        defer { path.removeLast() }
        return evaluate(node, instance)
    }

    /// Records a violation of `check` at the current location; always returns false.
    /// `message` receives how to name the location, e.g. "`/visitDate`".
    mutating func fail(_ check: Check, _ message: (String) -> String) -> Bool {
        if collecting {
            let text = message(subject)
            violations.append(Violation(instanceLocation: instanceLocation, keyword: check.keyword,
                                        schemaLocation: check.location, message: text))
        }
        return false
    }

    /// Records a violation about the member `key` of the current object.
    mutating func fail(_ check: Check, member key: String, _ message: (String) -> String) -> Bool {
        path.append(.key(key))
        defer { path.removeLast() }
        return fail(check, message)
    }

    /// How a message names the current location: "`/visitDate`", or "The value" at the root.
    var subject: String {
        path.isEmpty ? "The value" : "`\(instanceLocation)`"
    }
}
