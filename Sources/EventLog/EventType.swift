/// An event's type: `<domain>.<Name>`, e.g. `assistance.ReliefApproved`.
///
/// The domain is lower case (`[a-z][a-z0-9]*`), the name starts upper case (`[A-Z][A-Za-z0-9]*`);
/// at most 200 bytes. What each type means is the catalog's business, not the log's.
public enum EventType {
    public static let maxLength = 200

    public static func validate(_ type: String) throws(EventLogError) {
        let bytes = Array(type.utf8)
        guard !bytes.isEmpty, bytes.count <= maxLength else {
            throw .invalidEventType(type, reason: "it must be 1 to \(maxLength) bytes long")
        }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0, dot < bytes.count - 1 else {
            throw .invalidEventType(type, reason: "it must look like <domain>.<Name>, e.g. assistance.ReliefApproved")
        }
        let domain = bytes[..<dot], name = bytes[(dot + 1)...]
        let isLower = { (b: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) }
        let isUpper = { (b: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) }
        let isDigit = { (b: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        guard isLower(domain.first!), domain.allSatisfy({ isLower($0) || isDigit($0) }) else {
            throw .invalidEventType(type, reason: "the domain before the dot must be lower-case letters and digits")
        }
        guard isUpper(name.first!), name.allSatisfy({ isLower($0) || isUpper($0) || isDigit($0) }) else {
            throw .invalidEventType(type, reason: "the name after the dot must start upper case and hold only letters and digits")
        }
    }
}
