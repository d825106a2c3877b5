import Foundation
import Hummingbird

/// `GET /v1/openapi.yaml`: the API document (`Schemas/openapi.yaml`), for clients and tools.
struct OpenAPIRoute: RouteProvider {
    func register(on routes: LedgerRoutes) {
        let document = routes.server.openAPIDocument
        routes.get("/v1/openapi.yaml", access: .everyone) { _, _ in
            guard let document else {
                throw Problem(.notFound, detail: "This server was started without its API document (Schemas/openapi.yaml).")
            }
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
        }
    }
}

/// Finds `Schemas/openapi.yaml` for a server started from a build: beside or above the
/// executable (a checkout's `.build/release/civic-ledger`), else under the working directory.
public enum OpenAPIDocument {
    public static let relativePath = "Schemas/openapi.yaml"

    public static func locate(executable: String = CommandLine.arguments[0]) -> String? {
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.appendingPathComponent(relativePath))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relativePath))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }?.path
    }
}
