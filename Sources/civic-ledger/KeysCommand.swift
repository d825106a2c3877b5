import ArgumentParser
import Foundation
import LedgerServer

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke the API keys (bearer tokens) of the data directory.",
        discussion: """
        Keys live in <data>/keys.json (mode 0600), which holds only each token's SHA-256.
        A running server notices changes within a second: revocation needs no restart.
        """,
        subcommands: [KeysCreateCommand.self, KeysListCommand.self, KeysRevokeCommand.self])
}

struct KeysCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a key and print its token (on standard output, once; only its hash is kept).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The key's name (1-64 of A-Z a-z 0-9 . _ -), recorded as actor \"key:NAME\" on what it appends.")
    var name: String

    @Option(help: "appender, reader, auditor or operator.")
    var role: Role

    @Option(help: "For appenders: the event type prefixes it may append, comma-separated (default: all).")
    var types: String?

    func run() async throws {
        try editKeys(global) { ring in
            let prefixes = types.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
            let token = try ring.create(name: name, role: role, typePrefixes: prefixes)
            return {
                print(token)
                FileHandle.standardError.write(Data("Created \(role.rawValue) key \(name). Keep the token now: it cannot be shown again.\n".utf8))
            }
        }
    }
}

struct KeysListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List keys: name, role, type prefixes, created, revoked (no secrets).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let ring = try keyFailure(global) { try KeyRing.load(from: KeyRing.path(inDataDirectory: global.directory)) }
        for key in ring.keys {
            let types = key.types.isEmpty ? "*" : key.types.joined(separator: ",")
            print([key.name, key.role.rawValue, types, key.created, key.revoked.map { "revoked " + $0 } ?? "active"].joined(separator: "\t"))
        }
    }
}

struct KeysRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key; its token stops working.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The key's name.")
    var name: String

    func run() async throws {
        try editKeys(global) { ring in
            try ring.revoke(name: name)
            return { print("Revoked key \(name).") }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// Loads the key file, applies `change`, saves, and only then reports (so nothing is printed for a change not kept).
private func editKeys(_ global: GlobalOptions, _ change: (inout KeyRing) throws -> () -> Void) throws {
    let path = KeyRing.path(inDataDirectory: global.directory)
    let report = try keyFailure(global) { () throws -> () -> Void in
        guard FileManager.default.fileExists(atPath: global.directory) else {
            throw KeyRingError.unwritable(path: path, reason: "the data directory \(global.directory) does not exist; run `civic-ledger init` first")
        }
        var ring = try KeyRing.load(from: path)
        let report = try change(&ring)
        try ring.save(to: path)
        return report
    }
    report()
}

private func keyFailure<T>(_ global: GlobalOptions, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as KeyRingError {
        let storage: Bool = switch error {
        case .unreadable, .unwritable: true
        default: false
        }
        throw CommandFailure(message: error.description, code: "key-error",
                             exitCode: storage ? CommandFailure.storage : CommandFailure.invalidInput, json: global.json)
    }
}
