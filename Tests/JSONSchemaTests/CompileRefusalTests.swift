import JSON
import JSONSchema
import Testing

@Suite struct CompileRefusalTests {
    func refusal(_ schema: JSONValue) -> SchemaCompileError? {
        #expect(throws: SchemaCompileError.self) { try JSONSchema(schema) }
    }

    @Test(arguments: ["unevaluatedProperties", "$dynamicRef", "contentMediaType", "definitions", "minimun", "dependencies"])
    func refusesUnknownKeywords(_ keyword: String) {
        let error = refusal(["properties": ["a/b": ["items": [keyword: true]]]])
        #expect(error?.reason == .unsupportedKeyword(keyword))
        #expect(error?.reason.keyword == keyword)
        #expect(error?.schemaLocation == "/properties/a~1b/items/" + JSONPointer.escape(keyword))
    }

    @Test func refusesUnknownKeywordsInUnusedPlaces() {
        #expect(refusal(["$defs": ["unused": ["$dynamicAnchor": "x"]]])?.schemaLocation == "/$defs/unused/$dynamicAnchor")
        #expect(refusal(["then": ["unevaluatedItems": false]])?.schemaLocation == "/then/unevaluatedItems")
    }

    @Test func acceptsAnnotationsAndExtensions() throws {
        let schema = try JSONSchema([
            "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://civic.example/visit",
            "$comment": "c", "title": "t", "description": "d", "default": 1, "examples": [1],
            "deprecated": false, "readOnly": true, "writeOnly": false, "$anchor": "visit",
            "x-personal": true, "x-retention": ["years": 7],
        ])
        #expect(schema.validate(["anything": 1]).isEmpty)
    }

    @Test func refusesFormatsItDoesNotCheck() {
        let error = refusal(["properties": ["mail": ["format": "email"]]])
        #expect(error?.reason == .unsupportedFormat("email"))
        #expect(error?.schemaLocation == "/properties/mail/format")
    }

    @Test func refusesMalformedValues() {
        #expect(refusal(["minLength": -1])?.reason == .invalidValue(keyword: "minLength", expected: "a non-negative integer"))
        #expect(refusal(["minItems": 1.5])?.schemaLocation == "/minItems")
        #expect(refusal(["type": "text"])?.reason.keyword == "type")
        #expect(refusal(["multipleOf": 0])?.reason.keyword == "multipleOf")
        #expect(refusal(["pattern": "(unclosed"])?.reason == .invalidPattern("(unclosed"))
        #expect(refusal(["required": [1]])?.schemaLocation == "/required")
        #expect(refusal(["items": 3])?.reason == .notASchema)
    }

    @Test func refusesReferencesOutsideTheDocument() {
        let error = refusal(["properties": ["a": ["$ref": "#/$defs/missing"]]])
        #expect(error?.reason == .unresolvableReference("#/$defs/missing"))
        #expect(error?.schemaLocation == "/properties/a/$ref")
        #expect(refusal(["$ref": "https://example.com/other.json"])?.reason.keyword == "$ref")
    }

    @Test func refusesReferenceLoopsThatNeverEnd() {
        #expect(refusal(["$ref": "#"])?.reason == .endlessReference)
        #expect(refusal(["$defs": ["a": ["allOf": [["$ref": "#/$defs/b"]]], "b": ["not": ["$ref": "#/$defs/a"]]],
                         "$ref": "#/$defs/a"])?.reason == .endlessReference)
    }

    @Test func allowsReferenceLoopsThatStepIntoTheValue() throws {
        let schema = try JSONSchema(["properties": ["next": ["$ref": "#"]], "type": "object"])
        #expect(schema.validate(["next": ["next": 3]]).map(\.instanceLocation.description) == ["/next/next"])
    }
}
