import Foundation

/// New event ids: UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then random bits.
///
/// Time-ordered ids land next to each other in the id index, so a batch dirties a few pages
/// at its end instead of one random page per event; and they come from `getrandom`, where
/// Foundation's `UUID()` on Linux opens /dev/urandom for every id.
public enum EventID {
    public static func next() -> UUID {
        var random = SystemRandomNumberGenerator()
        let milliseconds = UInt64(Timestamp.nowMicroseconds() / 1000)
        let high = random.next() as UInt64, low = random.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * i)) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: high & 0x0F)          // version 7
        bytes[7] = UInt8(truncatingIfNeeded: high >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: low & 0x3F)           // variant 10
        for i in 9..<16 { bytes[i] = UInt8(truncatingIfNeeded: low >> (8 * (i - 8))) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
