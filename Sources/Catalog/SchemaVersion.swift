import JSON

/// How an event names the schema version its payload follows.
///
/// The version is a fact about the event, not business data, so it lives in the metadata:
/// `{"schemaVersion": 2}`. An append that names no version is checked against the latest one,
/// and the ledger then adds `"schemaVersion": N` to the stored metadata, so that every event it
/// accepted says which schema its bytes follow even after newer versions are added. A stored
/// event without the key predates the catalog and reads as version 1.
public enum SchemaVersion {
    /// The metadata key.
    public static let metadataKey = "schemaVersion"

    /// The version a stored event's payload follows: the one its metadata names, else 1.
    public static func stored(metadata: [UInt8]) -> Int {
        guard let object = try? JSONParser().parse(metadata).objectValue,
              let version = try? named(in: object) else { return 1 }
        return version
    }

    /// The version `metadata` names; nil when it names none. Throws for a value that is not a
    /// whole number from 1.
    static func named(in metadata: JSONObject) throws(EventRefusal.Reason) -> Int? {
        guard let value = metadata[metadataKey] else { return nil }
        guard let number = value.numberValue, number.isInteger, let version = number.intValue, version >= 1 else {
            throw .invalidSchemaVersion(found: String(value.serialized().prefix(40)))
        }
        return version
    }

    /// The metadata object `bytes` with `"schemaVersion": version` as its first member; the
    /// other members keep their bytes exactly. `bytes` must be a JSON object.
    static func stamping(_ version: Int, into bytes: [UInt8], isEmpty: Bool) -> [UInt8] {
        let member = Array(#""schemaVersion":\#(version)"#.utf8)
        guard let brace = bytes.firstIndex(of: UInt8(ascii: "{")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + member.count + 1)
        result.append(contentsOf: bytes[...brace])
        result.append(contentsOf: member)
        if isEmpty {
            // Keep nothing but the closing brace of an empty object: `{ }` becomes `{"schemaVersion":N}`.
            result.append(UInt8(ascii: "}"))
        } else {
            result.append(UInt8(ascii: ","))
            result.append(contentsOf: bytes[(brace + 1)...])
        }
        return result
    }
}
