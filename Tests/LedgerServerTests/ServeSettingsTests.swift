import Foundation
import LedgerServer
import Testing

@Suite("Serve settings")
struct ServeSettingsTests {
    @Test("flags override the environment, which overrides the file, which overrides defaults")
    func precedence() throws {
        let file = NSTemporaryDirectory() + "civic-ledger-settings-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(#"{"port": 7000, "host": "0.0.0.0", "heartbeatSeconds": 5, "maxBodyBytes": 1000}"#.utf8).write(to: URL(fileURLWithPath: file))
        var flags = ServeSettings()
        flags.port = 9000
        let environment = try ServeSettings(environment: ["CIVIC_LEDGER_PORT": "8000", "CIVIC_LEDGER_HOST": "::1", "CIVIC_LEDGER_MAX_BODY_BYTES": "2000"])
        let merged = flags.over(environment).over(try ServeSettings(file: file))
        let configuration = try merged.serverConfiguration()
        #expect(configuration.port == 9000)
        #expect(configuration.host == "::1")
        #expect(configuration.maxBodyBytes == 2000)
        #expect(configuration.heartbeatInterval == .seconds(5))
        #expect(configuration.subscriberBuffer == LedgerServerConfiguration().subscriberBuffer)
    }

    @Test("environment names are the settings in upper snake case")
    func environmentNames() {
        #expect(ServeSettings.environmentName("maxQueuedRequests") == "CIVIC_LEDGER_MAX_QUEUED_REQUESTS")
        #expect(ServeSettings.environmentName("data") == "CIVIC_LEDGER_DATA")
    }

    @Test("a bad value or an unknown setting is an error, not silently ignored")
    func refusesMistakes() throws {
        #expect(throws: SettingsError.invalidValue(source: "CIVIC_LEDGER_PORT", value: "eighty")) {
            try ServeSettings(environment: ["CIVIC_LEDGER_PORT": "eighty"])
        }
        let file = NSTemporaryDirectory() + "civic-ledger-settings-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(#"{"prot": 1}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: SettingsError.unknownSetting(path: file, name: "prot")) { try ServeSettings(file: file) }
        var settings = ServeSettings()
        settings.port = 70000
        #expect(throws: SettingsError.self) { try settings.serverConfiguration() }
    }
}
