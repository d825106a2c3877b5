import Foundation
import JSON

/// The public test vectors beside the package: `<package root>/../shared/vectors`.
enum SharedVectors {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.deletingLastPathComponent().appendingPathComponent("shared/vectors")
            }
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("shared/vectors")
    }()

    static let draft2020 = root.appendingPathComponent("json-schema-test-suite/tests/draft2020-12")

    /// The suite file at `name` (e.g. `optional/format/date.json`), parsed by our own parser.
    static func suiteFile(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: draft2020.appendingPathComponent(name))
        return try JSONParser().parse(data)
    }
}
