import Foundation
import Synchronization

/// New event ids: UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then random bits.
///
/// Time-ordered ids land next to each other in the id index, so a batch dirties a few pages
/// at its end instead of one random page per event. The random bits come from the kernel
/// (`arc4random_buf`, which reads `getrandom`) 4 KiB at a time: a system call per id cost 2% of
/// a 100-event append's CPU, and Foundation's `UUID()` on Linux opens /dev/urandom for every id.
public enum EventID {
    public static func next() -> UUID {
        let milliseconds = UInt64(Timestamp.nowMicroseconds() / 1000)
        let (high, low) = randomBits.withLock { $0.next() }
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(uuid: (byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24), byte(milliseconds, 16),
                           byte(milliseconds, 8), byte(milliseconds, 0),
                           0x70 | (byte(high, 0) & 0x0F),                 // version 7
                           byte(high, 8),
                           0x80 | (byte(low, 0) & 0x3F),                  // variant 10
                           byte(low, 8), byte(low, 16), byte(low, 24), byte(low, 32), byte(low, 40), byte(low, 48), byte(low, 56)))
    }

    private static let randomBits = Mutex(RandomBits())

    /// Random words from the kernel, fetched in blocks; each word is handed out once.
    private struct RandomBits: ~Copyable {
        private var words = [UInt64](repeating: 0, count: 512)
        private var used = 512

        mutating func next() -> (UInt64, UInt64) {
            if used + 2 > words.count {
                // glibc's arc4random_buf reads getrandom and aborts rather than return weak bits.
                words.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
                used = 0
            }
            defer { used += 2 }
            return (words[used], words[used + 1])
        }
    }
}
