import ArgumentParser
import EventLog
import Foundation
import Transparency

/// `civic-ledger log …`: the verifiable log, as an auditor reads it. Works beside a running server.
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "The verifiable log: its key, its latest signed checkpoint, and proofs.",
        subcommands: [Key.self, CheckpointCommand.self, Proof.self])

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "key", abstract: "Print the log's verifier key (name+keyid+base64).")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await failing(json: global.json) {
                print(try LogSigningKey.load(from: global.signingKeyPath).verifier.verifierKey)
            }
        }
    }

    struct CheckpointCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "Print the latest signed checkpoint, as served.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await failing(json: global.json) {
                let store = try global.open(writing: false, command: "log checkpoint")
                FileHandle.standardOutput.write(Data(try LogProofs(environment: store.environment).latestCheckpoint().utf8))
            }
        }
    }

    struct Proof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "proof", abstract: "Print an inclusion or consistency proof as JSON.",
                                                        subcommands: [Inclusion.self, Consistency.self])

        struct Inclusion: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "inclusion", abstract: "Prove an event is in the tree.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "The event's position (its leaf index).") var position: UInt64
            @Option(help: "The tree size (default: the latest checkpoint's).") var size: UInt64?

            func run() async throws {
                try await failing(json: global.json) {
                    let store = try global.open(writing: false, command: "log proof")
                    printJSON(try LogProofs(environment: store.environment).inclusionProof(position: position, size: size))
                }
            }
        }

        struct Consistency: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "consistency", abstract: "Prove the tree only grew between two sizes.")
            @OptionGroup var global: GlobalOptions
            @Option(help: "The earlier tree size.") var from: UInt64
            @Option(help: "The later tree size (default: the latest checkpoint's).") var to: UInt64?

            func run() async throws {
                try await failing(json: global.json) {
                    let store = try global.open(writing: false, command: "log proof")
                    printJSON(try LogProofs(environment: store.environment).consistencyProof(from: from, to: to))
                }
            }
        }
    }
}

func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
}
