import Foundation

/// The shared public vectors, found beside the package: `<package root>/../shared/vectors`.
enum Vectors {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            let parent = directory.deletingLastPathComponent()
            precondition(parent != directory, "no Package.swift above \(#filePath)")
            directory = parent
        }
        return directory.deletingLastPathComponent().appendingPathComponent("shared/vectors")
    }()

    /// Paths of every JSON file under `folder`, relative to the vectors root, sorted.
    static func jsonFiles(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") }
            .map { folder + "/" + $0 }
            .sorted()
    }

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from relativePath: String) throws -> Value {
        try JSONDecoder().decode(type, from: data(relativePath))
    }

    /// Decodes a vector's base64 field; the vectors are trusted to be valid base64.
    static func base64(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw NotBase64(text: text) }
        return Array(data)
    }

    struct NotBase64: Error {
        let text: String
    }
}
