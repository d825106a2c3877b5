/// The draft 2020-12 keywords this validator understands, grouped by what their values hold.
enum SchemaVocabulary {
    /// Keywords that only describe or identify; they never change the outcome.
    static let annotations: Set<String> = [
        "$schema", "$id", "$comment", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "$anchor",
    ]
    /// Keywords whose value is one subschema.
    static let singleSubschema: Set<String> = [
        "items", "additionalProperties", "propertyNames", "contains", "not", "if", "then", "else",
    ]
    /// Keywords whose value is an array of subschemas.
    static let subschemaArrays: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]
    /// Keywords whose value maps names to subschemas.
    static let subschemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]
    /// Keywords that check the value itself.
    static let assertions: Set<String> = [
        "type", "enum", "const", "pattern", "minLength", "maxLength", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minContains", "maxContains",
        "minProperties", "maxProperties", "required", "dependentRequired", "$ref",
    ]

    /// True for keywords this validator implements or knowingly ignores; `x-` extensions are
    /// the catalog's own annotations (such as `"x-personal": true`).
    static func isKnown(_ keyword: String) -> Bool {
        annotations.contains(keyword) || singleSubschema.contains(keyword) || subschemaArrays.contains(keyword)
            || subschemaMaps.contains(keyword) || assertions.contains(keyword) || keyword.hasPrefix("x-")
    }

    /// The order checks run in, so violations come out in a stable, readable order.
    static let evaluationOrder: [String] = [
        "$ref", "type", "const", "enum", "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "required", "dependentRequired", "minProperties", "maxProperties",
        "properties", "patternProperties", "additionalProperties", "propertyNames", "dependentSchemas",
        "minItems", "maxItems", "uniqueItems", "prefixItems", "items", "contains",
        "allOf", "anyOf", "oneOf", "not", "if",
    ]
}
