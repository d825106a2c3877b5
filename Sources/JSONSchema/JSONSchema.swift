import JSON

/// A JSON Schema (draft 2020-12) compiled once and then used to validate many instances.
///
/// Compiling resolves every `$ref` inside the document (JSON Pointer, `$id`-relative and
/// `$anchor` references; nothing is fetched) and refuses every keyword it does not implement,
/// naming the keyword and where it is. Annotation keywords and `x-` extensions are accepted
/// and ignored. `format` is an assertion for `date`, `date-time` and `uuid`; any other format
/// name is refused rather than silently unchecked.
public struct JSONSchema: Sendable {
    private let nodes: [SchemaNode]
    private let root: Int

    /// Compiles `document`; throws naming the first keyword that cannot be honoured.
    public init(_ document: JSONValue) throws(SchemaCompileError) {
        var compiler = SchemaCompiler(document: document)
        root = try compiler.node(at: .root)
        try compiler.checkForEndlessReferences()
        nodes = compiler.nodes
    }

    /// Every way `instance` breaks the schema; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [Violation] {
        var evaluator = SchemaEvaluator(nodes: nodes, collecting: true)
        _ = evaluator.evaluate(root, instance)
        return evaluator.violations
    }

    /// Whether `instance` is valid; faster than `validate` as it stops at the first problem.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(nodes: nodes, collecting: false)
        return evaluator.evaluate(root, instance)
    }
}
