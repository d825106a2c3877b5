/// A resident identity card number (居民身份证号码, GB 11643-1999): six digits of region, eight
/// of birth date, three of sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
///
/// It is personal information: keep it in payload fields marked `x-personal`, never in stream
/// names, logs or metrics — those use the person's pseudonym.
public struct IDNumber: Sendable, Hashable {
    /// The 18 characters, with a lowercase check `x` made uppercase.
    public let text: String
    public let birthDate: CalendarDay
    public let sex: Sex

    public enum Sex: String, Sendable { case male, female }

    /// Validates `text`; the error says what is wrong with it without repeating the number.
    public init(_ text: String) throws(IDNumberError) {
        let characters = Array(text.uppercased().utf8)
        guard characters.count == 18 else { throw .wrongLength(characters.count) }
        var digits: [Int] = []
        for (index, character) in characters.prefix(17).enumerated() {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) else { throw .notADigit(position: index + 1) }
            digits.append(Int(character - UInt8(ascii: "0")))
        }
        let province = digits[0] * 10 + digits[1]
        guard Self.provinceCodes.contains(province) else { throw .unknownRegion(String(format2: province)) }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        guard year >= 1900, let birth = CalendarDay(year: year, month: month, day: day) else { throw .invalidBirthDate }
        let check = Self.checkCharacter(for: digits)
        guard characters[17] == check else { throw .wrongCheckCharacter }
        self.text = String(decoding: characters, as: UTF8.self)
        self.birthDate = birth
        self.sex = digits[16] % 2 == 1 ? .male : .female
    }

    /// Full years of age on `day` (a birthday on 29 February counts on 1 March in common years).
    public func age(on day: CalendarDay) -> Int {
        var years = day.year - birthDate.year
        if (day.month, day.day) < (birthDate.month, birthDate.day) { years -= 1 }
        return years
    }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits.
    public static func checkCharacter(for digits: [Int]) -> UInt8 {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432".utf8)[sum % 11]
    }

    /// The first two digits of the provinces, autonomous regions, municipalities and SARs (GB/T 2260).
    static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]
}

/// Why a string is not a valid identity card number.
public enum IDNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongLength(Int)
    case notADigit(position: Int)
    case unknownRegion(String)
    case invalidBirthDate
    case wrongCheckCharacter

    public var description: String {
        switch self {
        case .wrongLength(let count): "An identity card number has 18 characters; this one has \(count)."
        case .notADigit(let position): "Character \(position) of the identity card number must be a digit."
        case .unknownRegion(let code): "The identity card number starts with \(code), which is no province's code."
        case .invalidBirthDate: "The identity card number's characters 7–14 are not a real birth date."
        case .wrongCheckCharacter: "The identity card number's last character does not match its check digit; a character was probably mistyped."
        }
    }
}

private extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
