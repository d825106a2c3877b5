import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The server clock in microseconds, and its RFC 3339 spelling.
public enum Timestamp {
    public static func nowMicroseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1_000
    }

    public static func rfc3339(microseconds: Int64) -> String {
        var seconds = time_t(microseconds / 1_000_000)
        var micros = microseconds % 1_000_000
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let fraction = String(micros + 1_000_000).dropFirst()
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)) + fraction + "Z"
    }

    /// Parses RFC 3339 (`2026-03-01T08:00:00Z`, fractions and offsets allowed) to microseconds.
    ///
    /// The fraction is read digit by digit, to the microsecond (the recorded times' precision):
    /// Foundation's formatter keeps only milliseconds, so `asOf=<an event's own recordedAt>`
    /// could have left that very event out. Digits past the sixth are dropped (truncated).
    public static func parse(_ text: String) -> Int64? {
        var whole = text
        var micros: Int64 = 0
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            for (place, digit) in digits.prefix(6).enumerated() {
                micros += Int64(digit.wholeNumberValue!) * [100_000, 10_000, 1_000, 100, 10, 1][place]
            }
            whole = String(text[..<dot]) + String(text[text.index(dot, offsetBy: digits.count + 1)...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: whole) else { return nil }
        return Int64(date.timeIntervalSince1970) * 1_000_000 + micros
    }
}
