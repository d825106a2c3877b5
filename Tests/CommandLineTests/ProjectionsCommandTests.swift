import EventLog
import Foundation
import Testing

@Suite("projections command")
struct ProjectionsCommandTests {
    /// A data directory with `count` catalog-valid events over `streams` streams.
    private func ledger(events count: Int, streams: Int) throws -> String {
        let data = temporaryPath()
        #expect(try run("civic-ledger", ["init", "--data", data]).status == 0)
        let lines = (0..<count).map { personLeft($0, stream: "rescue-\($0 % streams)") }.joined(separator: "\n")
        try lines.write(toFile: data + "/events.ndjson", atomically: true, encoding: .utf8)
        let imported = try run("civic-ledger", ["import", "--data", data, data + "/events.ndjson"])
        #expect(imported.status == 0, "\(imported.stderr)")
        return data
    }

    @Test("list, status, rebuild and dump on a data directory no server holds")
    func offline() throws {
        let data = try ledger(events: 300, streams: 7)
        defer { try? FileManager.default.removeItem(atPath: data) }
        // Nothing built yet: rebuild builds it.
        let rebuilt = try run("civic-ledger", ["projections", "rebuild", "streams", "--data", data])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.contains("Rebuilt streams: generation"))
        let status = try run("civic-ledger", ["projections", "status", "streams", "--data", data])
        #expect(status.status == 0, "\(status.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(json["position"] as? Int == 299)
        #expect(json["lag"] as? Int == 0)
        let generation = try #require(json["generation"] as? Int)
        let list = try run("civic-ledger", ["projections", "list", "--data", data])
        #expect(list.stdout.hasPrefix("streams v1 generation \(generation) "), "\(list.stdout)")
        #expect(list.stdout.contains("position 299 lag 0"))

        let dump = try run("civic-ledger", ["projections", "dump", "streams", "--data", data])
        let lines = dump.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.map { String($0) } == lines.map { String($0) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        #expect(lines.first?.hasPrefix(#"{"key":"stream/rescue-0","value":{"#) == true, "\(lines.first ?? "")")
        // Again: a new generation, the same state.
        let again = try run("civic-ledger", ["projections", "rebuild", "streams", "--data", data])
        #expect(again.status == 0)
        let file = data + "/streams.ndjson"
        #expect(try run("civic-ledger", ["projections", "dump", "streams", "--data", data, "--out", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == dump.stdout)
        let after = try run("civic-ledger", ["projections", "status", "streams", "--data", data]).stdout
        #expect((try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])?["generation"] as? Int ?? 0 > generation)

        let unknown = try run("civic-ledger", ["projections", "dump", "nothing", "--data", data])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("nothing"))
    }

    @Test("a snapshot as of a position: built, queried by dump beside the live one, listed, removed")
    func snapshot() throws {
        let data = try ledger(events: 100, streams: 4)
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["projections", "rebuild", "streams", "--data", data]).status == 0)
        let built = try run("civic-ledger", ["projections", "rebuild", "streams", "--until", "9", "--as", "streams@9", "--data", data])
        #expect(built.status == 0, "\(built.stderr)")
        let dump = try run("civic-ledger", ["projections", "dump", "streams@9", "--data", data]).stdout
        let counts = dump.split(separator: "\n").compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]).flatMap { ($0["value"] as? [String: Any])?["events"] as? Int }
        }
        #expect(counts == [3, 3, 2, 2])
        #expect(try run("civic-ledger", ["projections", "list", "--data", data]).stdout.contains("snapshots streams@9"))
        let removed = try run("civic-ledger", ["projections", "remove", "streams@9", "--data", data])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!(try run("civic-ledger", ["projections", "list", "--data", data]).stdout.contains("streams@9")))
        #expect(try run("civic-ledger", ["projections", "dump", "streams@9", "--data", data]).status == 3)
        #expect(try run("civic-ledger", ["projections", "rebuild", "streams", "--until", "9", "--data", data]).status == 1)
    }

    @Test("rebuild while a server holds the data directory names the route to use instead")
    func rebuildBesideServer() throws {
        let data = try ledger(events: 10, streams: 2)
        defer { try? FileManager.default.removeItem(atPath: data) }
        #expect(try run("civic-ledger", ["projections", "list", "--data", data]).stderr.contains("no projections yet"))
        #expect(try run("civic-ledger", ["projections", "rebuild", "streams", "--data", data]).status == 0)
        let holder = try LMDBEventStore(LedgerConfiguration(directory: data, access: .write(holder: "test server")))
        defer { holder.close() }
        let refused = try run("civic-ledger", ["projections", "rebuild", "streams", "--data", data])
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("POST /v1/projections/streams/rebuild"), "\(refused.stderr)")
        #expect(refused.stderr.contains("test server"))
        // Reading works beside it.
        #expect(try run("civic-ledger", ["projections", "list", "--data", data]).status == 0)
    }
}
