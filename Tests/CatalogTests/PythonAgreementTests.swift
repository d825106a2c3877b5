import Catalog
import Foundation
import JSON
import Testing

/// The Swift validator and Python's `jsonschema` give the same verdict on every example.
@Suite struct PythonAgreementTests {
    /// `tools/check-schemas.py --verdicts`: file → valid, or nil when python3 or jsonschema is missing.
    static func pythonVerdicts() throws -> [String: Bool]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "tools/check-schemas.py", "--verdicts"]
        process.currentDirectoryURL = CatalogFixture.packageRoot
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            // 127: no python3; the script's own message: no jsonschema and pip could not install it.
            if process.terminationStatus == 127 || complaint.contains("need jsonschema") { return nil }
            Issue.record("check-schemas.py --verdicts failed (\(process.terminationStatus)): \(complaint)")
            return [:]
        }
        var verdicts: [String: Bool] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let value = try JSONParser().parse([UInt8](line))
            let file = try #require(value["file"]?.stringValue), valid = try #require(value["valid"]?.boolValue as Bool?)
            verdicts[file] = valid
        }
        return verdicts
    }

    @Test func swiftAndPythonAgreeOnEveryExample() throws {
        guard let python = try Self.pythonVerdicts() else {
            withKnownIssue("python3 with jsonschema is not installed here; tools/test installs it") {
                Issue.record("skipped: no python3/jsonschema to compare with")
            }
            return
        }
        let examples = CatalogFixture.allExamples
        #expect(Set(python.keys) == Set(examples.map(\.file)))
        for example in examples {
            let swift = try CatalogFixture.catalog.validate(type: example.type, version: example.version, payload: example.bytes).isEmpty
            #expect(python[example.file] == swift, "\(example.file): Python says \(String(describing: python[example.file])), Swift \(swift)")
            #expect(swift == example.expectedValid, "\(example.file)")
        }
    }
}
