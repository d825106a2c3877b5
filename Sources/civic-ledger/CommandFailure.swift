import Catalog
import EventLog
import Foundation
import LMDB
import Transparency

/// A command's failure: one clear sentence on stderr (or JSON with --json) and its exit code.
struct CommandFailure: Error {
    let message: String
    let code: String
    let exitCode: Int32
    let json: Bool
    /// More JSON members for --json output, e.g. `"events":[…]` for a catalog refusal.
    var jsonMembers: [UInt8] = []

    static let wrongExpectedVersion: Int32 = 2
    static let invalidInput: Int32 = 3
    static let storage: Int32 = 4

    init(message: String, code: String, exitCode: Int32, json: Bool) {
        self.message = message
        self.code = code
        self.exitCode = exitCode
        self.json = json
    }

    init(_ error: any Error, json: Bool) {
        if let failure = error as? CommandFailure {
            self = failure
            return
        }
        if let refusal = error as? CatalogRefusal {
            self = CommandFailure(refusal: refusal, json: json)
            return
        }
        self.json = json
        switch error {
        case let error as EventLogError:
            message = error.description
            code = error.code
            switch error {
            case .wrongExpectedVersion: exitCode = Self.wrongExpectedVersion
            case .overloaded, .storageFull, .storage, .closed, .dataDirectoryBusy, .notInitialized, .corruptRecord:
                exitCode = Self.storage
            default: exitCode = Self.invalidInput
            }
        case let error as AuditError:
            message = error.description
            code = "audit-failed"
            exitCode = Self.storage
        case let error as TransparencyLogError:
            message = error.description
            code = "log-error"
            exitCode = Self.invalidInput
        case let error as LMDBError:
            message = "Storage error: \(error)."
            code = "storage-error"
            exitCode = Self.storage
        default:
            message = "\(error)"
            code = "error"
            exitCode = Self.storage
        }
    }

    func report() {
        let text: String
        if json {
            text = #"{"error":"\#(code)","message":"# + String(decoding: JSONString.quoted(message), as: UTF8.self)
                + (jsonMembers.isEmpty ? "" : "," + String(decoding: jsonMembers, as: UTF8.self)) + "}\n"
        } else {
            text = "civic-ledger: \(message)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Runs a command body, turning any error into a `CommandFailure`.
func failing<T>(json: Bool, _ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch { throw CommandFailure(error, json: json) }
}
