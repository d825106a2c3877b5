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

    /// `2026-11-29T16:13:16.123456Z`: UTC, six fraction digits. Written by hand, without
    /// Foundation's formatter or `gmtime_r`: it runs once per event in reads and in `streams`.
    public static func rfc3339(microseconds: Int64) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(27)
        write(microseconds: microseconds, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the RFC 3339 text's bytes (no quotes).
    public static func write(microseconds: Int64, into bytes: inout [UInt8]) {
        var seconds = microseconds / 1_000_000
        var micros = microseconds % 1_000_000
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let date = civilDate(daysSince1970: Int(days))
        func digits(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        let time = Int(secondOfDay)
        digits(date.year, 4); bytes.append(UInt8(ascii: "-"))
        digits(date.month, 2); bytes.append(UInt8(ascii: "-"))
        digits(date.day, 2); bytes.append(UInt8(ascii: "T"))
        digits(time / 3600, 2); bytes.append(UInt8(ascii: ":"))
        digits(time / 60 % 60, 2); bytes.append(UInt8(ascii: ":"))
        digits(time % 60, 2); bytes.append(UInt8(ascii: "."))
        digits(Int(micros), 6); bytes.append(UInt8(ascii: "Z"))
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    public static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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
