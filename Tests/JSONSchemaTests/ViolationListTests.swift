import JSON
import JSONSchema
import Testing

@Suite struct ViolationListTests {
    static let homeVisit: JSONValue = [
        "type": "object",
        "required": ["caseId", "visitDate", "visitor"],
        "additionalProperties": false,
        "properties": [
            "caseId": ["type": "string", "format": "uuid"],
            "visitDate": ["type": "string", "format": "date"],
            "visitor": ["type": "string", "minLength": 2, "x-personal": true],
            "household": ["type": "integer", "minimum": 1, "maximum": 20],
            "amount": ["type": "number", "multipleOf": 0.01, "exclusiveMinimum": 0],
            "a/b": ["type": "boolean"],
            "m~n": ["enum": ["yes", "no"]],
            "notes": ["type": "array", "items": ["type": "string", "maxLength": 5], "maxItems": 2],
        ],
    ]

    @Test func listsEveryViolationWithPointersAndMessages() throws {
        let schema = try JSONSchema(Self.homeVisit)
        let visit = try JSONValue(parsing: #"""
            {"visitDate": "2026-13-01", "visitor": "A", "household": 0, "amount": 1.005,
             "a/b": "yes", "m~n": "maybe", "notes": ["short", "much too long", "x"], "extra": 1}
            """#)
        let violations = schema.validate(visit)
        let summary = violations.map { "\($0.instanceLocation) \($0.keyword) \($0.schemaLocation)" }
        #expect(summary == [
            "/caseId required /required",
            "/visitDate format /properties/visitDate/format",
            "/visitor minLength /properties/visitor/minLength",
            "/household minimum /properties/household/minimum",
            "/amount multipleOf /properties/amount/multipleOf",
            "/a~1b type /properties/a~1b/type",
            "/m~0n enum /properties/m~0n/enum",
            "/notes maxItems /properties/notes/maxItems",
            "/notes/1 maxLength /properties/notes/items/maxLength",
            "/extra additionalProperties /additionalProperties",
        ])
        #expect(summary.count == 10)
        let messages = Dictionary(uniqueKeysWithValues: violations.map { ($0.instanceLocation.description, $0.message) })
        #expect(messages["/visitDate"] == #"`/visitDate` must be a date like 2026-03-14, got "2026-13-01""#)
        #expect(messages["/caseId"] == "`/caseId` is required but missing")
        #expect(messages["/extra"] == "`/extra` is not an allowed field")
        #expect(messages["/visitor"] == "`/visitor` must be at least 2 characters long, got 1")
        #expect(messages["/household"] == "`/household` must be at least 1, got 0")
        #expect(messages["/amount"] == "`/amount` must be a multiple of 0.01, got 1.005")
        #expect(messages["/a~1b"] == #"`/a~1b` must be true or false, got "yes""#)
        #expect(messages["/m~0n"] == #"`/m~0n` must be one of "yes", "no", got "maybe""#)
        #expect(messages["/notes"] == "`/notes` must have at most 2 items, got 3")
        #expect(messages["/notes/1"] == #"`/notes/1` must be at most 5 characters long, got 13"#)
        #expect(!schema.isValid(visit))
    }

    @Test func validEventHasNoViolations() throws {
        let schema = try JSONSchema(Self.homeVisit)
        let visit: JSONValue = [
            "caseId": "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "visitDate": "2024-02-29", "visitor": "Mei",
            "household": 4, "amount": 19.99, "notes": ["ok"],
        ]
        #expect(schema.validate(visit).isEmpty)
        #expect(schema.isValid(visit))
    }

    @Test func rootMessagesAndTypes() throws {
        let schema = try JSONSchema(["type": ["object", "null"]])
        let violations = schema.validate(12)
        #expect(violations.map(\.message) == ["The value must be an object or null, got 12"])
        #expect(violations.first?.instanceLocation == .root)
        #expect(violations.first?.schemaLocation == "/type")
    }

    @Test func combinatorMessages() throws {
        let schema = try JSONSchema([
            "properties": [
                "kind": ["oneOf": [["type": "string"], ["const": "x"]]],
                "size": ["anyOf": [["type": "integer"], ["type": "null"]]],
                "code": ["not": ["pattern": "^X"]],
                "date": ["format": "date-time"],
            ],
            "dependentRequired": ["spouse": ["marriageDate"]],
        ])
        let violations = schema.validate(["kind": "x", "size": 1.5, "code": "XY", "date": "2026-03-14", "spouse": "Ana"])
        #expect(violations.map(\.message) == [
            "`/marriageDate` is required when `spouse` is present, but missing",
            "`/kind` must match exactly one of the allowed forms, but matches forms 1 and 2",
            "`/size` must match at least one of the 2 allowed forms, but matches none",
            "`/code` must not match the schema at /properties/code/not",
            #"`/date` must be a date and time like 2026-03-14T09:30:00Z, got "2026-03-14""#,
        ])
    }

    @Test func conditionalsReportTheBranchViolations() throws {
        let schema = try JSONSchema([
            "if": ["properties": ["status": ["const": "closed"]], "required": ["status"]],
            "then": ["required": ["closedOn"]],
            "else": ["properties": ["closedOn": false]],
        ])
        #expect(schema.validate(["status": "closed"]).map(\.schemaLocation) == ["/then/required"])
        #expect(schema.validate(["status": "open", "closedOn": "2026-01-01"]).map(\.message)
            == ["`/closedOn` is not allowed here"])
        #expect(schema.validate(["status": "closed", "closedOn": "2026-01-01"]).isEmpty)
    }

    @Test func recursiveReferencesValidateDeepTrees() throws {
        let schema = try JSONSchema([
            "$defs": ["node": ["type": "object", "properties": ["children": ["type": "array", "items": ["$ref": "#/$defs/node"]]]]],
            "$ref": "#/$defs/node",
        ])
        let tree: JSONValue = ["children": [["children": []], ["children": [["children": [1]]]]]]
        let violations = schema.validate(tree)
        #expect(violations.map(\.instanceLocation.description) == ["/children/1/children/0/children/0"])
        #expect(violations.first?.schemaLocation == "/$defs/node/type")
    }
}
