import Catalog
import Foundation
import JSON
import JSONSchema
import Testing

/// Every example under Schemas/examples is judged as its name says, for the reason its note gives.
@Suite struct ExampleTests {
    @Test func everySchemaHasOneValidAndTwoInvalidExamples() {
        let examples = CatalogFixture.allExamples
        for schema in CatalogFixture.catalog.schemas {
            let own = examples.filter { $0.type == schema.type && $0.version == schema.version }
            #expect(own.filter(\.expectedValid).count >= 1, "\(schema.type) v\(schema.version)")
            #expect(own.filter { !$0.expectedValid }.count >= 2, "\(schema.type) v\(schema.version)")
        }
        #expect(examples.count >= 3 * CatalogFixture.catalog.schemas.count)
    }

    @Test(arguments: CatalogFixture.allExamples.filter(\.expectedValid))
    func validExampleIsAccepted(_ example: CatalogFixture.Example) throws {
        let violations = try CatalogFixture.catalog.validate(type: example.type, version: example.version, payload: example.bytes)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test(arguments: CatalogFixture.allExamples.filter { !$0.expectedValid })
    func invalidExampleIsRefusedForTheReasonItsNoteGives(_ example: CatalogFixture.Example) throws {
        let violations = try CatalogFixture.catalog.validate(type: example.type, version: example.version, payload: example.bytes)
        let keyword = try #require(example.note["keyword"]), location = try #require(example.note["location"])
        let pointer = try JSONPointer(parsing: try #require(example.note["pointer"]))
        let schema = try CatalogFixture.catalog.schema(example.type, version: example.version).document
        // One failing keyword, as the note says (a `required` of two missing members is two violations of it).
        #expect(Set(violations.map { "\($0.keyword) \($0.schemaLocation)" }) == ["\(keyword) \(Self.location(location, in: schema))"])
        for violation in violations {
            #expect(!violation.message.isEmpty)
            if ["required", "dependentRequired", "additionalProperties"].contains(keyword) {
                // We point at the missing or extra member itself; JSON Schema's output points at its object.
                #expect(JSONPointer(tokens: violation.instanceLocation.tokens.dropLast()) == pointer, "\(violation)")
            } else {
                #expect(violation.instanceLocation == pointer, "\(violation)")
            }
        }
    }

    /// A keyword location through `$ref` (`/properties/partyA/$ref/properties/sex/enum`, as the
    /// notes and JSON Schema's output give it) as the place in the schema file the validator
    /// names (`/$defs/party/properties/sex/enum`).
    static func location(_ keywordLocation: String, in schema: JSONValue) -> String {
        var place = JSONPointer.root
        for token in (try? JSONPointer(parsing: keywordLocation))?.tokens ?? [] {
            if token == "$ref", let target = place.appending("$ref").resolve(in: schema)?.stringValue, target.hasPrefix("#"),
               let resolved = try? JSONPointer(parsing: String(target.dropFirst())) {
                place = resolved
            } else {
                place = place.appending(token)
            }
        }
        return place.description
    }
}
