import Catalog
import Foundation
import JSON
import Testing

/// The package's own catalog and examples, found by walking up from this file to Package.swift.
enum CatalogFixture {
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { return directory }
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    static let schemas = packageRoot.appendingPathComponent("Schemas")
    static let examples = schemas.appendingPathComponent("examples")

    /// The catalog, loaded once for all tests.
    static let catalog: EventCatalog = {
        do { return try EventCatalog.load(from: schemas) } catch { fatalError("The catalog does not load: \(error)") }
    }()

    /// One example payload and what its name (and note) says about it.
    struct Example: Sendable, CustomTestStringConvertible {
        let type: String
        let version: Int
        /// Relative to the package root, as `tools/check-schemas.py --verdicts` names it.
        let file: String
        let bytes: [UInt8]
        let expectedValid: Bool
        /// The invalid example's note: `keyword`, `pointer`, `location`, `reason`.
        let note: [String: String]

        var testDescription: String { file }
    }

    /// Every example file under Schemas/examples/<domain>/<Type>.v<N>/.
    static let allExamples: [Example] = {
        let manager = FileManager.default
        let paths = ((try? manager.subpathsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return paths.compactMap { path -> Example? in
            let parts = path.split(separator: "/")
            guard parts.count == 3, let dot = parts[1].range(of: ".v", options: .backwards),
                  let version = Int(parts[1][dot.upperBound...]) else { return nil }
            let url = examples.appendingPathComponent(path)
            let noteURL = url.deletingPathExtension().appendingPathExtension("txt")
            var note: [String: String] = [:]
            for line in ((try? String(contentsOf: noteURL, encoding: .utf8)) ?? "").split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                note[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return Example(type: "\(parts[0]).\(parts[1][..<dot.lowerBound])", version: version,
                           file: "Schemas/examples/" + path, bytes: (try? [UInt8](Data(contentsOf: url))) ?? [],
                           expectedValid: parts[2].hasPrefix("valid-"), note: note)
        }
    }()
}

/// A fresh directory under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("civic-catalog-test-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` at `relative`, creating folders on the way.
    func write(_ text: String, at relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
