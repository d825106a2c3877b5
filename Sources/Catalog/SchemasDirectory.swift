import Foundation

/// Finds the `Schemas` folder (the one holding `events/`) that the catalog is read from.
public enum SchemasDirectory {
    /// The environment variable naming the Schemas folder.
    public static let environmentVariable = "CIVIC_LEDGER_SCHEMAS"

    /// The Schemas folder: `explicit` when given (a `--schemas` option or configuration), else
    /// `$CIVIC_LEDGER_SCHEMAS`, else the first `Schemas/events` found walking up from the running
    /// executable's folder, then from the current directory. An explicit folder may be the
    /// Schemas folder itself or a folder holding it.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL? = runningExecutable,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws(CatalogLoadError) -> URL {
        if let given = explicit ?? environment[environmentVariable] {
            let url = URL(fileURLWithPath: given)
            if holdsEvents(url) { return url.standardizedFileURL }
            if holdsEvents(url.appendingPathComponent("Schemas")) { return url.appendingPathComponent("Schemas").standardizedFileURL }
            throw CatalogLoadError(.notFound(searched: [given]), file: given)
        }
        var searched: [String] = []
        for start in [executable?.deletingLastPathComponent(), currentDirectory].compactMap({ $0 }) {
            var directory = start.standardizedFileURL
            searched.append(directory.path)
            while true {
                let candidate = directory.appendingPathComponent("Schemas")
                if holdsEvents(candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw CatalogLoadError(.notFound(searched: searched.map { "\($0) and above" }), file: searched.first ?? "")
    }

    /// The running program, symbolic links resolved (`/proc/self/exe` on Linux).
    public static var runningExecutable: URL? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }

    static func holdsEvents(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("events").path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
