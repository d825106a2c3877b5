import EventLog
import Foundation
import Testing

/// The built `civic-ledger serve` on a "full disk": a file size limit (RLIMIT_FSIZE) on the
/// server process makes writes past it fail with EFBIG, as on a full file system.
@Suite("Storage full over HTTP")
struct StorageFullTests {
    /// An event the catalog admits, its summary padded to make it large.
    static func evidence(_ i: Int, padding: Int) -> String {
        let summary = String(repeating: "x", count: padding)
        return #"{"type":"assistance.EvidenceGathered","data":{"caseId":"SA-330481101-2026-\#(String(format: "%05d", i))","#
            + #""town":"330481101","reliefKind":"dibao","gatheredDate":"2026-03-12","method":"neighbour-visit","summary":"\#(summary)"}}"#
    }

    @Test("a batch that does not fit is 507 storage-full, nothing of it is stored, and smaller appends go on")
    func aFullDiskIs507AndLosesNothing() async throws {
        let ledger = try BuiltLedger()
        defer { ledger.remove() }
        let tokens = ledger.tokens

        // Some events first, with room to spare, and the projections caught up with them.
        let roomy = try ledger.serve()
        for i in 0..<5 {
            let reply = try await Reply.send(.POST, roomy.base + "/v1/streams/relief-\(i)/events", token: tokens.appender,
                                             body: #"{"events":[\#(Self.evidence(i, padding: 40))]}"#)
            #expect(reply.status == 201, "\(reply.text)")
        }
        let settled = try await Reply.send(.GET, roomy.base + "/v1/projections/streams/state/stream%2Frelief-4?minPosition=4", token: tokens.reader)
        #expect(settled.status == 200, "\(settled.text)")
        let before = try await Reply.send(.GET, roomy.base + "/v1/events?limit=100", token: tokens.auditor).text
        roomy.terminate()
        #expect(roomy.waitForExit() == 0)

        // Room for some more pages in each file (the projections write a few per commit), not for 800 events of 1 KB.
        let files = ["log/data.mdb", "projections/data.mdb"].map { ledger.directory + "/" + $0 }
        let largest = try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.size] as! Int }.max()!
        let full = try ledger.serve(fileSizeLimitKiB: largest / 1024 + 256)
        defer { full.terminate(); _ = full.waitForExit() }

        let batch = (0..<800).map { Self.evidence(100 + $0, padding: 900) }.joined(separator: ",")
        let refused = try await Reply.send(.POST, full.base + "/v1/streams/relief-big/events", token: tokens.appender,
                                           body: #"{"events":[\#(batch)]}"#)
        #expect(refused.status == 507, "\(refused.text)")
        #expect(refused.contentType?.hasPrefix("application/problem+json") == true)
        #expect(refused.problemType == "storage-full", "\(refused.text)")

        // Nothing of the batch, everything from before, unchanged.
        let head = try await Reply.send(.GET, full.base + "/v1/head", token: tokens.reader)
        #expect(head.json["size"] as? Int == 5, "\(head.text)")
        #expect(try await Reply.send(.GET, full.base + "/v1/events?limit=100", token: tokens.auditor).text == before)
        #expect(try await Reply.send(.GET, full.base + "/v1/streams/relief-big/version", token: tokens.reader).status == 404)

        // What fits is still written, and followed by the projections.
        let small = try await Reply.send(.POST, full.base + "/v1/streams/relief-5/events", token: tokens.appender,
                                         body: #"{"events":[\#(Self.evidence(5, padding: 40))]}"#)
        #expect(small.status == 201, "\(small.text)")
        let followed = try await Reply.send(.GET, full.base + "/v1/projections/streams/state/stream%2Frelief-5?minPosition=5", token: tokens.reader)
        #expect(followed.status == 200, "\(followed.text)")
        let checkpoint = try await Reply.send(.GET, full.base + "/v1/log/checkpoint", token: tokens.auditor)
        #expect(checkpoint.status == 200 && checkpoint.text.contains("\n6\n"), "\(checkpoint.text)")
    }
}
