/// The `format` values checked as assertions. Every other format name is refused when the
/// schema is compiled, so a catalog author never believes an unchecked format is enforced.
enum StringFormat: String, Sendable {
    case date
    case dateTime = "date-time"
    case uuid

    /// How a clerk would name a correct value, with an example.
    var expectation: String {
        switch self {
        case .date: "a date like 2026-03-14"
        case .dateTime: "a date and time like 2026-03-14T09:30:00Z"
        case .uuid: "a UUID like 123e4567-e89b-12d3-a456-426614174000"
        }
    }

    func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            switch self {
            case .date: bytes.count == 10 && RFC3339.fullDate(bytes, at: 0)
            case .dateTime: RFC3339.dateTime(bytes)
            case .uuid: Self.isUUID(bytes)
            }
        }
    }

    /// 8-4-4-4-12 hexadecimal digits, any case, any version and variant.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (position, byte) in bytes.enumerated() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let lower = byte | 0x20
                guard RFC3339.isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")) else { return false }
            }
        }
        return true
    }
}

/// RFC 3339 §5.6 `full-date` and `date-time`, over ASCII bytes only.
enum RFC3339 {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The number written by `count` ASCII digits at `offset`, or nil.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int? {
        guard offset + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<offset + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` at `offset`, a real day of the proleptic Gregorian calendar.
    static func fullDate(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + 10 <= bytes.count, bytes[offset + 4] == UInt8(ascii: "-"), bytes[offset + 7] == UInt8(ascii: "-"),
              let year = number(bytes, offset, 4), let month = number(bytes, offset + 5, 2),
              let day = number(bytes, offset + 8, 2) else { return false }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// `full-date "T" HH:MM:SS[.frac] (Z | ±HH:MM)`; second 60 only where it is 23:59:60 in UTC.
    static func dateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20, fullDate(bytes, at: 0), bytes[10] | 0x20 == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count && isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.count else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return false }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = number(bytes, index + 1, 2), let offsetMinute = number(bytes, index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        }
        if second == 60 {
            let utcMinute = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinute == 23 * 60 + 59
        }
        return true
    }
}
