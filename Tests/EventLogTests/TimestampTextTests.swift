import EventLog
import Foundation
import Glibc
import Testing

/// `Timestamp.rfc3339` is written by hand for speed; the C library's `gmtime_r` is the reference.
@Suite struct TimestampTextTests {
    static func reference(_ microseconds: Int64) -> String {
        var seconds = time_t(microseconds / 1_000_000)
        var micros = microseconds % 1_000_000
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(micros)) + "Z"
    }

    @Test(arguments: [Int64(0), 1, -1, 951_782_400_000_000, 1_764_432_796_123_456, -62_135_596_800_000_000, 253_402_300_799_999_999,
                      4_107_542_400_000_001, -1_000_000_000_000_001])
    func writesWhatTheCLibraryWrites(_ microseconds: Int64) {
        #expect(Timestamp.rfc3339(microseconds: microseconds) == Self.reference(microseconds))
    }

    @Test func daysOfFourCenturiesRoundTrip() {
        // 1900-01-01 to 2300-01-01, every 7th day (all weekdays, months and leap rules), through
        // the civil date and back through the parser.
        let wrong = stride(from: -25_567, to: 120_526, by: 7).filter { day in
            let date = Timestamp.civilDate(daysSince1970: day)
            let text = String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month, date.day)
            return Timestamp.parse(text) != Int64(day) * 86_400_000_000
        }
        #expect(wrong.isEmpty, "first wrong day numbers: \(wrong.prefix(5))")
    }
}
