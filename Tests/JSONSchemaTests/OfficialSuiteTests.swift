import JSON
import JSONSchema
import Testing

/// Every case of the official JSON-Schema-Test-Suite files for the keywords we implement.
@Suite struct OfficialSuiteTests {
    static let files = [
        "additionalProperties.json", "allOf.json", "anchor.json", "anyOf.json", "boolean_schema.json",
        "const.json", "contains.json", "defs.json", "dependentRequired.json", "dependentSchemas.json",
        "enum.json", "exclusiveMaximum.json", "exclusiveMinimum.json", "if-then-else.json",
        "infinite-loop-detection.json", "items.json", "maxContains.json", "maxItems.json", "maxLength.json",
        "maxProperties.json", "maximum.json", "minContains.json", "minItems.json", "minLength.json",
        "minProperties.json", "minimum.json", "multipleOf.json", "not.json", "oneOf.json", "pattern.json",
        "patternProperties.json", "prefixItems.json", "properties.json", "propertyNames.json", "ref.json",
        "required.json", "type.json", "uniqueItems.json",
        "optional/format/date.json", "optional/format/date-time.json", "optional/format/uuid.json",
    ]

    /// Cases that need something outside this validator's scope. Instead of being skipped they
    /// must fail to compile with the stated reason, so the refusal itself stays tested.
    static let outOfScope: [(file: String, description: String, expected: SchemaCompileError.Reason, why: String)] = [
        ("defs.json", "validate definition against metaschema",
         .unresolvableReference("https://json-schema.org/draft/2020-12/schema"),
         "needs the 2020-12 metaschema fetched from the network (and $dynamicRef inside it)"),
        ("ref.json", "remote ref, containing refs itself",
         .unresolvableReference("https://json-schema.org/draft/2020-12/schema"),
         "needs the 2020-12 metaschema fetched from the network"),
        ("ref.json", "ref creates new scope when adjacent to keywords",
         .unsupportedKeyword("unevaluatedProperties"), "needs unevaluatedProperties, which is not implemented"),
        ("not.json", "collect annotations inside a 'not', even if collection is disabled",
         .unsupportedKeyword("unevaluatedProperties"), "needs unevaluatedProperties, which is not implemented"),
    ]

    @Test(arguments: files)
    func suiteFile(_ name: String) throws {
        let cases = try #require(SharedVectors.suiteFile(name).arrayValue)
        #expect(!cases.isEmpty)
        for testCase in cases {
            let description = try #require(testCase["description"]?.stringValue)
            let schema = try #require(testCase["schema"])
            if let excluded = Self.outOfScope.first(where: { $0.file == name && $0.description == description }) {
                let error = #expect(throws: SchemaCompileError.self, "\(name): \(description)") {
                    try JSONSchema(schema)
                }
                #expect(error?.reason == excluded.expected, "\(name): \(description): \(String(describing: error))")
                continue
            }
            let compiled: JSONSchema
            do { compiled = try JSONSchema(schema) } catch {
                Issue.record("\(name): \(description): does not compile: \(error)")
                continue
            }
            for test in try #require(testCase["tests"]?.arrayValue) {
                let data = try #require(test["data"])
                let valid = try #require(test["valid"]?.boolValue as Bool?)
                let violations = compiled.validate(data)
                #expect(violations.isEmpty == valid,
                        "\(name): \(description): \(test["description"]?.stringValue ?? ""): \(violations)")
                #expect(compiled.isValid(data) == valid, "\(name): \(description): isValid disagrees")
            }
        }
    }

    @Test func outOfScopeListNamesExistingCases() throws {
        for entry in Self.outOfScope {
            #expect(Self.files.contains(entry.file))
            let cases = try #require(SharedVectors.suiteFile(entry.file).arrayValue)
            let descriptions = cases.compactMap { $0["description"]?.stringValue }
            #expect(descriptions.contains(entry.description), "stale entry: \(entry.file): \(entry.description)")
            #expect(!entry.why.isEmpty)
        }
    }
}
