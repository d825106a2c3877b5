import Foundation
import JSON
import JSONSchema

extension EventCatalog {
    /// Loads the catalog from `Schemas/events/<domain>/<Type>.v<N>.schema.json` under `directory`
    /// (the Schemas folder), compiling every schema once. Any problem in any file refuses the
    /// whole catalog, naming the file and, inside it, the schema location.
    public static func load(from directory: URL) throws(CatalogLoadError) -> EventCatalog {
        let events = directory.appendingPathComponent("events")
        let files: [String]
        do {
            files = try FileManager.default.subpathsOfDirectory(atPath: events.path)
                .filter { !$0.hasPrefix(".") && !$0.contains("/.") }.sorted()
        } catch {
            throw CatalogLoadError(.unreadable("\(error.localizedDescription)"), file: events.path)
        }
        var schemas: [EventSchema] = []
        for path in files {
            let url = events.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            schemas.append(try loadSchema(at: url, relativePath: "events/" + path))
        }
        if schemas.isEmpty { throw CatalogLoadError(.empty, file: events.path) }
        return try EventCatalog(schemas: schemas, directory: directory)
    }

    /// Finds the Schemas folder (see `SchemasDirectory.locate`) and loads it.
    public static func locateAndLoad(explicit: String? = nil) throws(CatalogLoadError) -> EventCatalog {
        try load(from: SchemasDirectory.locate(explicit: explicit))
    }

    static func loadSchema(at url: URL, relativePath file: String) throws(CatalogLoadError) -> EventSchema {
        guard let (type, version) = typeAndVersion(of: file) else { throw CatalogLoadError(.misplaced, file: file) }
        let text: [UInt8]
        do { text = try [UInt8](Data(contentsOf: url)) } catch {
            throw CatalogLoadError(.unreadable(error.localizedDescription), file: file)
        }
        let document: JSONValue
        do { document = try JSONParser().parse(text) } catch { throw CatalogLoadError(.notJSON(error), file: file) }
        let compiled: JSONSchema
        do { compiled = try JSONSchema(document) } catch {
            throw CatalogLoadError(.unsupportedSchema(error.reason), file: file, schemaLocation: error.schemaLocation)
        }
        for (keyword, expected) in [("title", JSONValue.string(type)), ("x-event-type", .string(type)), ("x-version", .number(JSONNumber(version)))]
        where document[keyword] != expected {
            throw CatalogLoadError(.headerMismatch(keyword: keyword, expected: expected.serialized()), file: file,
                                   schemaLocation: "/" + keyword)
        }
        let upcast = try upcastDeclaration(in: document, version: version, file: file)
        return EventSchema(type: type, version: version, document: document, text: text, file: file,
                           upcast: upcast, compiled: compiled)
    }

    /// `events/assistance/ReliefPaid.v2.schema.json` → (`assistance.ReliefPaid`, 2).
    static func typeAndVersion(of file: String) -> (String, Int)? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "events" else { return nil }
        let domain = parts[1]
        guard !domain.isEmpty, domain.allSatisfy({ $0.isASCII && $0.isLowercase }),
              parts[2].hasSuffix(".schema.json") else { return nil }
        let stem = parts[2].dropLast(".schema.json".count)
        guard let dot = stem.range(of: ".v", options: .backwards) else { return nil }
        let name = stem[..<dot.lowerBound], number = stem[dot.upperBound...]
        guard let first = name.first, first.isASCII, first.isUppercase,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              number.first != "0", number.allSatisfy({ $0.isASCII && $0.isNumber }),
              let version = Int(number), version >= 1 else { return nil }
        return ("\(domain).\(name)", version)
    }

    /// Reads `x-upcast`; required from version 2 on, naming the version just before.
    static func upcastDeclaration(in document: JSONValue, version: Int, file: String) throws(CatalogLoadError) -> UpcastDeclaration? {
        guard let declaration = document["x-upcast"] else {
            if version == 1 { return nil }
            throw CatalogLoadError(.invalidUpcast("version \(version) must say in \"x-upcast\" how a version \(version - 1) payload reads as this one"),
                                   file: file, schemaLocation: "")
        }
        guard version > 1 else {
            throw CatalogLoadError(.invalidUpcast("version 1 has nothing to upcast from"), file: file, schemaLocation: "/x-upcast")
        }
        guard declaration["from"]?.numberValue?.intValue == version - 1 else {
            throw CatalogLoadError(.invalidUpcast("\"from\" must be \(version - 1), the version just before"), file: file,
                                   schemaLocation: "/x-upcast/from")
        }
        guard let add = declaration["add"]?.objectValue else {
            throw CatalogLoadError(.invalidUpcast("\"add\" must be an object of the members an older payload gains"), file: file,
                                   schemaLocation: "/x-upcast/add")
        }
        return UpcastDeclaration(from: version - 1, add: add, why: declaration["why"]?.stringValue)
    }
}
