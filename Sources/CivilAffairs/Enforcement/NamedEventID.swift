import Crypto
import Foundation

/// Event ids the service derives rather than draws (UUID version 8, RFC 9562, from a SHA-256),
/// so an event it writes on its own, retried, carries the same id and is recorded once.
enum NamedEventID {
    static func make(_ name: [UInt8]) -> UUID {
        var bytes = Array(SHA256.hash(data: name).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
