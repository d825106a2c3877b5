import JSON

/// One compiled schema: the checks its keywords make, in evaluation order. Subschemas are
/// referred to by their index in the compiled schema's node list, which lets `$ref` cycles
/// exist without reference-counted cycles.
struct SchemaNode: Sendable {
    /// JSON Pointer text of this schema in the document.
    let location: String
    var checks: [Check] = []

    /// Nodes applied to the same instance (not to a part of it); a cycle among these never ends.
    var inPlaceChildren: [Int] {
        checks.flatMap { check -> [Int] in
            switch check.rule {
            case .reference(let node), .not(let node): [node]
            case .allOf(let nodes), .anyOf(let nodes), .oneOf(let nodes): nodes
            case .conditional(let condition, let then, let otherwise): [condition] + [then, otherwise].compactMap { $0 }
            case .dependentSchemas(let entries): entries.map(\.node)
            default: []
            }
        }
    }
}

/// One keyword's check, with where it sits in the schema. A class so that walking a node's
/// checks costs one retain per check rather than a copy of every payload.
final class Check: Sendable {
    let keyword: String
    /// JSON Pointer text of the keyword in the schema document.
    let location: String
    let rule: Rule

    init(keyword: String, location: String, rule: Rule) {
        self.keyword = keyword
        self.location = location
        self.rule = rule
    }
}

/// What a keyword checks, with its compiled arguments.
enum Rule: Sendable {
    /// The `false` schema; `context` is the keyword that led here, for a clearer message.
    case never(context: String?)
    case type(TypeSet)
    case const(JSONValue)
    case enumeration([JSONValue])
    case minLength(Int)
    case maxLength(Int)
    case pattern(RegexPattern)
    case format(StringFormat)
    case minimum(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case multipleOf(JSONNumber)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case prefixItems([Int])
    case items(startingAt: Int, node: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case minProperties(Int)
    case maxProperties(Int)
    case required([String])
    case dependentRequired([(property: String, requires: [String])])
    case dependentSchemas([(property: String, node: Int)])
    case properties(PropertyTable)
    case patternProperties([(pattern: RegexPattern, node: Int)])
    case additionalProperties(node: Int, declared: PropertyTable, patterns: [RegexPattern])
    case propertyNames(Int)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(condition: Int, then: Int?, otherwise: Int?)
    case reference(Int)
}

/// Property name → node, matching names by Unicode scalars as JSON compares strings.
/// Small tables are scanned: comparing a few short names beats hashing one.
struct PropertyTable: Sendable {
    private var entries: [(name: String, node: Int)] = []
    private var table: [String: Int]?

    init(_ entries: [(String, Int)]) {
        self.entries = entries.map { (name: $0.0, node: $0.1) }
        if entries.count > 8 {
            var table: [String: Int] = [:]
            for (name, node) in entries { table[name] = node }
            self.table = table
        }
    }

    func node(for name: String) -> Int? {
        guard let table else {
            return entries.first { $0.name.hasSameScalars(as: name) }?.node
        }
        guard let position = table.index(forKey: name), table[position].key.hasSameScalars(as: name) else { return nil }
        return table[position].value
    }
}

/// The JSON types a `type` keyword allows; `integer` is a number without a fractional part.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static let byName: [(String, TypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        }
    }
}
