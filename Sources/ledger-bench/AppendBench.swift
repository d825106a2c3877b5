import ArgumentParser
import EventLog
import Foundation
import Transparency

/// Durable single-event appends from N concurrent appenders, in process.
struct AppendBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "append", abstract: "Durable appends/s at N concurrent appenders.")

    @Option var data: String
    @Option var appenders = 16
    @Option var events = 20_000
    @Option(help: "Payload bytes per event.") var size = 512
    @Option(help: "Events per request.") var batch = 1
    @Option var durability: String = "durable"
    @Flag(help: "Keep the Merkle tree and sign a checkpoint per batch, as the product does.") var merkle = false

    func run() async throws {
        var configuration = LedgerConfiguration(directory: data)
        configuration.durability = durability == "relaxed" ? .relaxed : .durable
        configuration.limits.maxQueuedRequests = max(16_384, appenders * 2)
        var observers: [any BatchObserver] = []
        if merkle {
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            observers.append(try MerkleLog(signer: LogSigningKey.create(at: LogSigningKey.path(in: data), origin: "bench.civic-ledger/log")))
        }
        let store = try LMDBEventStore.initialize(configuration, observers: observers)
        let body = payload(bytes: size, seed: 0)
        let perAppender = events / appenders / batch
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for a in 0..<appenders {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    for _ in 0..<perAppender {
                        let name = try StreamName("bench-\(UInt32.random(in: 0..<100_000, using: &generator))")
                        let proposed = (0..<batch).map { _ in ProposedEvent(type: "bench.Appended", payload: body) }
                        _ = try await store.append(proposed, to: name, expecting: .any)
                    }
                    _ = a
                }
            }
            try await group.waitForAll()
        }
        report(perAppender * appenders * batch, since: start)
        let stats = store.writerStatistics
        FileHandle.standardError.write(Data("writer: \(stats.batches) batches, \(stats.requests / max(1, stats.batches)) requests per batch on average, \(stats.commitNanoseconds / 1_000_000) ms in the writer's transactions\n".utf8))
        store.close()
    }
}

/// Reads the whole log forwards through the store, decoding every record.
struct ReplayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replays the whole log: events/s.")

    @Option var data: String

    func run() async throws {
        let store = try LMDBEventStore(LedgerConfiguration(directory: data, access: .readOnly))
        let start = ContinuousClock.now
        var position: UInt64 = 0, count = 0, bytes = 0
        while true {
            let page = try await store.readAll(from: position, direction: .forwards, limit: 4096, filter: .all)
            count += page.events.count
            for event in page.events { bytes &+= event.payload.count }
            if page.reachedEnd { break }
            position = page.next!
        }
        report(count, since: start)
        if bytes == 42 { print("") }
    }
}
