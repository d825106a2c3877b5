import Catalog
import Foundation
import JSON
import Testing

@Suite struct CatalogLoadingTests {
    @Test func theWholeCatalogLoads() throws {
        let catalog = try EventCatalog.load(from: CatalogFixture.schemas)
        let files = try FileManager.default.subpathsOfDirectory(atPath: CatalogFixture.schemas.appendingPathComponent("events").path)
            .filter { $0.hasSuffix(".schema.json") }
        #expect(catalog.schemas.count == files.count)
        #expect(catalog.types.count >= 60)
        #expect(Set(catalog.types.map { $0.prefix { $0 != "." } }) == [
            "assistance", "socialwork", "marriage", "eldercare", "rescue", "children", "organizations",
            "funeral", "placenames", "migrants", "enforcement",
        ])
        #expect(catalog.versions(of: "assistance.ReliefPaid") == [1, 2])
        #expect(catalog.latest("assistance.ReliefPaid")?.version == 2)
        let relief = try catalog.schema("assistance.ReliefPaid", version: 1)
        #expect(relief.file == "events/assistance/ReliefPaid.v1.schema.json")
        #expect(relief.chineseName == "救助金发放")
        #expect(relief.domain == "assistance")
        #expect(try JSONParser().parse(relief.text) == relief.document)
    }

    @Test func everyTypeIsNamedInThePastTenseUnderItsDomain() {
        for schema in CatalogFixture.catalog.schemas {
            #expect(schema.file == "events/\(schema.domain)/\(schema.type.dropFirst(schema.domain.count + 1)).v\(schema.version).schema.json")
        }
    }

    @Test func theSchemasFolderIsFoundFromTheCurrentDirectoryOrTheExecutable() throws {
        let deep = CatalogFixture.packageRoot.appendingPathComponent("Sources/Catalog")
        let fromHere = try SchemasDirectory.locate(environment: [:], executable: nil, currentDirectory: deep)
        #expect(fromHere.path == CatalogFixture.schemas.standardizedFileURL.path)
        let fromProgram = try SchemasDirectory.locate(environment: [:], executable: deep.appendingPathComponent("civic-ledger"),
                                                      currentDirectory: URL(fileURLWithPath: "/"))
        #expect(fromProgram.path == fromHere.path)
    }

    @Test func anExplicitFolderWinsAndMustHoldEvents() throws {
        let root = CatalogFixture.packageRoot.path
        #expect(try SchemasDirectory.locate(explicit: root, environment: [:]).path == CatalogFixture.schemas.standardizedFileURL.path)
        #expect(try SchemasDirectory.locate(environment: ["CIVIC_LEDGER_SCHEMAS": CatalogFixture.schemas.path]).lastPathComponent == "Schemas")
        let empty = TemporaryDirectory()
        defer { empty.remove() }
        let error = #expect(throws: CatalogLoadError.self) {
            try SchemasDirectory.locate(explicit: empty.path, environment: [:], executable: nil, currentDirectory: CatalogFixture.packageRoot)
        }
        #expect(error?.file == empty.path)
        #expect(throws: CatalogLoadError.self) {
            try SchemasDirectory.locate(environment: [:], executable: nil, currentDirectory: empty.url)
        }
    }

    /// Loads a folder holding one schema file; returns the refusal.
    func refusal(_ schema: String, at file: String = "events/test/Happened.v1.schema.json") throws -> CatalogLoadError? {
        let folder = TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(schema, at: file)
        return #expect(throws: CatalogLoadError.self) { try EventCatalog.load(from: folder.url) }
    }

    static let header = #""title": "test.Happened", "x-event-type": "test.Happened", "x-version": 1"#

    @Test func aSchemaWithAnUnsupportedKeywordRefusesTheWholeCatalog() throws {
        let error = try refusal(#"{\#(Self.header), "properties": {"when": {"type": "string", "unevaluatedProperties": false}}}"#)
        #expect(error?.file == "events/test/Happened.v1.schema.json")
        #expect(error?.schemaLocation == "/properties/when/unevaluatedProperties")
        #expect(error?.description.contains("unevaluatedProperties") == true)
        #expect(try refusal(#"{\#(Self.header), "properties": {"mail": {"format": "email"}}}"#)?.schemaLocation == "/properties/mail/format")
    }

    @Test func malformedOrMisnamedFilesAreRefused() throws {
        #expect(try refusal(#"{\#(Self.header), "type": "object",}"#)?.reason.description.contains("not valid JSON") == true)
        #expect(try refusal(#"{\#(Self.header)}"#, at: "events/test/happened.v1.schema.json")?.reason == .misplaced)
        #expect(try refusal(#"{\#(Self.header)}"#, at: "events/test/Happened.v0.schema.json")?.reason == .misplaced)
        #expect(try refusal(#"{\#(Self.header)}"#, at: "events/Happened.v1.schema.json")?.reason == .misplaced)
        let folder = TemporaryDirectory()
        defer { folder.remove() }
        #expect(throws: CatalogLoadError.self) { try EventCatalog.load(from: folder.url) }
    }

    @Test func theHeaderMustAgreeWithTheFileName() throws {
        let wrongTitle = try refusal(#"{"title": "test.Other", "x-event-type": "test.Happened", "x-version": 1}"#)
        #expect(wrongTitle?.schemaLocation == "/title")
        #expect(wrongTitle?.reason == .headerMismatch(keyword: "title", expected: #""test.Happened""#))
        #expect(try refusal(#"{"title": "test.Happened", "x-event-type": "test.Happened", "x-version": 2}"#)?.schemaLocation == "/x-version")
        #expect(try refusal(#"{"title": "test.Happened", "x-version": 1}"#)?.schemaLocation == "/x-event-type")
    }

    @Test func aSecondVersionMustSayHowToUpcast() throws {
        let v2 = #""title": "test.Happened", "x-event-type": "test.Happened", "x-version": 2"#
        let missing = try refusal(#"{\#(v2)}"#, at: "events/test/Happened.v2.schema.json")
        #expect(missing?.schemaLocation == "")
        let wrongFrom = try refusal(#"{\#(v2), "x-upcast": {"from": 3, "add": {}}}"#, at: "events/test/Happened.v2.schema.json")
        #expect(wrongFrom?.schemaLocation == "/x-upcast/from")
    }
}
