import Foundation

/// The settings of `civic-ledger serve`, from flags, the environment (`CIVIC_LEDGER_*`) and an
/// optional JSON file, in that order of precedence; every one optional until resolved.
///
/// The file uses the names below (`{"port": 8080, "heartbeatSeconds": 15}`); the environment
/// their upper snake case (`CIVIC_LEDGER_PORT`, `CIVIC_LEDGER_HEARTBEAT_SECONDS`).
public struct ServeSettings: Sendable, Equatable, Codable {
    public var data: String?
    public var host: String?
    public var port: Int?
    public var maxBodyBytes: Int?
    public var heartbeatSeconds: Double?
    public var subscriberBuffer: Int?
    public var maxQueuedRequests: Int?
    public var logLevel: String?

    public init() {}

    public static let environmentPrefix = "CIVIC_LEDGER_"

    /// The settings found in `environment`; a value that does not parse is an error, not ignored.
    public init(environment: [String: String]) throws(SettingsError) {
        func value(_ key: String) -> String? { environment[Self.environmentName(key)] }
        func number<T: LosslessStringConvertible>(_ key: String, _ type: T.Type) throws(SettingsError) -> T? {
            guard let text = value(key) else { return nil }
            guard let number = T(text) else { throw .invalidValue(source: Self.environmentName(key), value: text) }
            return number
        }
        data = value("data")
        host = value("host")
        port = try number("port", Int.self)
        maxBodyBytes = try number("maxBodyBytes", Int.self)
        heartbeatSeconds = try number("heartbeatSeconds", Double.self)
        subscriberBuffer = try number("subscriberBuffer", Int.self)
        maxQueuedRequests = try number("maxQueuedRequests", Int.self)
        logLevel = value("logLevel")
    }

    /// The settings in a JSON file; unknown names are refused, so a typo is not silently ignored.
    public init(file path: String) throws(SettingsError) {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw SettingsError.unreadableFile(path: path, reason: "it must hold one JSON object")
            }
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw SettingsError.unknownSetting(path: path, name: unknown)
            }
            self = try JSONDecoder().decode(ServeSettings.self, from: data)
        } catch let error as SettingsError {
            throw error
        } catch {
            throw .unreadableFile(path: path, reason: "\(error)")
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case data, host, port, maxBodyBytes, heartbeatSeconds, subscriberBuffer, maxQueuedRequests, logLevel
    }

    /// `maxBodyBytes` → `CIVIC_LEDGER_MAX_BODY_BYTES`.
    public static func environmentName(_ key: String) -> String {
        var out = environmentPrefix
        for character in key {
            if character.isUppercase { out.append("_") }
            out += character.uppercased()
        }
        return out
    }

    /// These settings, with gaps filled from `lower` (a lower-precedence source).
    public func over(_ lower: ServeSettings) -> ServeSettings {
        var merged = ServeSettings()
        merged.data = data ?? lower.data
        merged.host = host ?? lower.host
        merged.port = port ?? lower.port
        merged.maxBodyBytes = maxBodyBytes ?? lower.maxBodyBytes
        merged.heartbeatSeconds = heartbeatSeconds ?? lower.heartbeatSeconds
        merged.subscriberBuffer = subscriberBuffer ?? lower.subscriberBuffer
        merged.maxQueuedRequests = maxQueuedRequests ?? lower.maxQueuedRequests
        merged.logLevel = logLevel ?? lower.logLevel
        return merged
    }

    /// The server configuration these settings describe, defaults where unset.
    public func serverConfiguration() throws(SettingsError) -> LedgerServerConfiguration {
        var configuration = LedgerServerConfiguration()
        if let host { configuration.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw .invalidValue(source: "port", value: String(port)) }
            configuration.port = port
        }
        if let maxBodyBytes {
            guard maxBodyBytes > 0 else { throw .invalidValue(source: "maxBodyBytes", value: String(maxBodyBytes)) }
            configuration.maxBodyBytes = maxBodyBytes
        }
        if let heartbeatSeconds {
            guard heartbeatSeconds > 0 else { throw .invalidValue(source: "heartbeatSeconds", value: String(heartbeatSeconds)) }
            configuration.heartbeatInterval = .milliseconds(Int64(heartbeatSeconds * 1000))
        }
        if let subscriberBuffer {
            guard subscriberBuffer > 0 else { throw .invalidValue(source: "subscriberBuffer", value: String(subscriberBuffer)) }
            configuration.subscriberBuffer = subscriberBuffer
        }
        return configuration
    }
}

/// A setting that could not be read.
public enum SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidValue(source: String, value: String)
    case unreadableFile(path: String, reason: String)
    case unknownSetting(path: String, name: String)

    public var description: String {
        switch self {
        case .invalidValue(let source, let value): "The setting \(source) has an invalid value \"\(value)\"."
        case .unreadableFile(let path, let reason): "The configuration file \(path) cannot be read: \(reason)."
        case .unknownSetting(let path, let name): "The configuration file \(path) names an unknown setting \"\(name)\"."
        }
    }
}
