import ArgumentParser
import EventLog
import Foundation

/// Appends forever from many tasks and prints each acknowledged request, for the crash test
/// that kills this process with SIGKILL and then checks the log against what was acknowledged.
struct CrashLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash-load", abstract: "Append until killed; print each acknowledgement.")

    @Option var data: String
    @Option var appenders = 16

    func run() async throws {
        let store = try LMDBEventStore(LedgerConfiguration(directory: data))
        FileHandle.standardOutput.write(Data("ready\n".utf8))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for a in 0..<appenders {
                group.addTask {
                    var i = 0
                    while true {
                        i += 1
                        // Requests of 1–3 events over one or two streams, tagged with one correlation id.
                        let correlation = EventID.next().uuidString.lowercased()
                        let metadata = #"{"correlationId":"\#(correlation)","size":\#(i % 3 + 1)}"#
                        let events = (0...(i % 3)).map { n in
                            ProposedEvent(type: "crash.Appended", payload: #"{"a":\#(a),"i":\#(i),"n":\#(n)}"#, metadata: metadata)
                        }
                        var appends = [StreamAppend(stream: try StreamName("crash-\(a % 5)"), events: Array(events.prefix(1)))]
                        if events.count > 1 {
                            appends.append(StreamAppend(stream: try StreamName("crash-\(5 + a % 3)"), events: Array(events.dropFirst())))
                        }
                        let result = try await store.append(appends)
                        let line = #"{"correlationId":"\#(correlation)","positions":[\#(result.streams.flatMap(\.events).map { String($0.position) }.joined(separator: ","))]}"# + "\n"
                        FileHandle.standardOutput.write(Data(line.utf8))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
