import EventLog
import Foundation
import Testing

/// SIGKILL at random moments under concurrent load: nothing acknowledged is lost, nothing is half written.
@Suite("Crash safety")
struct CrashTests {
    @Test func killedTwentyTimesUnderLoadTheLogStaysWhole() async throws {
        let directory = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try LMDBEventStore.initialize(LedgerConfiguration(directory: directory)).close()
        var acknowledgedTotal = 0
        for round in 0..<20 {
            let acknowledged = try killUnderLoad(directory: directory, afterMilliseconds: Int.random(in: 50...400))
            acknowledgedTotal += acknowledged.count
            let store = try LMDBEventStore(LedgerConfiguration(directory: directory, access: .readOnly))
            let report = try store.check()
            #expect(report.isSound, "round \(round): \(report.problems)")
            for (correlation, positions) in acknowledged {
                for position in positions {
                    let event = try #require(try await store.event(at: position), "round \(round): acknowledged position \(position) is missing")
                    #expect(String(decoding: event.metadata, as: UTF8.self).contains(correlation))
                }
            }
            // Every request in the log is whole: as many events carry its correlation id as it had.
            var groups: [String: (count: Int, size: Int)] = [:]
            var position: UInt64 = 0
            while true {
                let page = try await store.readAll(from: position, direction: .forwards, limit: 4096, filter: .all)
                for event in page.events {
                    let members = try JSONText.members(of: event.metadata)
                    let correlation = JSONText.string(event.metadata[members.first { $0.key == "correlationId" }!.value])!
                    let size = Int(String(decoding: event.metadata[members.first { $0.key == "size" }!.value], as: UTF8.self))!
                    groups[correlation, default: (0, size)].count += 1
                }
                if page.reachedEnd { break }
                position = page.next!
            }
            let halves = groups.filter { $0.value.count != $0.value.size }
            #expect(halves.isEmpty, "round \(round): requests half present: \(halves.prefix(3))")
        }
        #expect(acknowledgedTotal > 20, "the load acknowledged almost nothing; the test proved little")
    }

    /// Starts the load, kills it with SIGKILL after a while, returns what it acknowledged.
    private func killUnderLoad(directory: String, afterMilliseconds delay: Int) throws -> [(String, [UInt64])] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path("ledger-bench"))
        process.arguments = ["crash-load", "--data", directory, "--appenders", "16"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reading = stdout.fileHandleForReading
        var collected = Data()
        // Wait until it is appending, then let it run for the chosen time.
        while !String(decoding: collected, as: UTF8.self).contains("ready\n") {
            let chunk = reading.availableData
            if chunk.isEmpty { break }
            collected += chunk
        }
        usleep(useconds_t(delay * 1000))
        kill(process.processIdentifier, SIGKILL)
        collected += reading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Only whole lines were acknowledged; a line cut by the kill is not an acknowledgement.
        let text = String(decoding: collected, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()
        return lines.compactMap { line -> (String, [UInt64])? in
            guard line.hasPrefix("{"), let data = line.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let correlation = object["correlationId"] as? String, let positions = object["positions"] as? [Int] else { return nil }
            return (correlation, positions.map(UInt64.init))
        }
    }
}
