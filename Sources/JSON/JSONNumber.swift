/// An exact decimal number as written in JSON text.
///
/// The value is `(isNegative ? -1 : 1) × significand × 10^exponent`, kept normalized (no leading or
/// trailing zeros in `significand`, zero is `[]` with exponent 0 and never negative) so that `1.0`,
/// `1` and `10e-1` are the same value, compare equal and hash alike. Nothing is rounded through
/// `Double`, so large integers and decimals such as `0.0001` stay exact.
public struct JSONNumber: Sendable, Hashable {
    /// True for values below zero; zero is never negative.
    public let isNegative: Bool
    /// Decimal digits (0...9), most significant first; empty for zero.
    public let significand: [UInt8]
    /// The power of ten the significand is scaled by.
    public let exponent: Int

    /// Builds a number from raw digits, normalizing them.
    public init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var start = 0
        while start < digits.count && digits[start] == 0 { start += 1 }
        var end = digits.count
        var exponent = exponent.addingSaturated(0)
        while end > start && digits[end - 1] == 0 {
            end -= 1
            exponent = exponent.addingSaturated(1)
        }
        if start == end {
            self.isNegative = false
            self.significand = []
            self.exponent = 0
        } else {
            self.isNegative = isNegative
            self.significand = start == 0 && end == digits.count ? digits : Array(digits[start..<end])
            self.exponent = exponent
        }
    }

    /// The number equal to `value`.
    public init(_ value: Int) {
        var digits: [UInt8] = []
        var rest = value.magnitude
        while rest > 0 {
            digits.append(UInt8(rest % 10))
            rest /= 10
        }
        self.init(isNegative: value < 0, digits: digits.reversed(), exponent: 0)
    }

    /// The shortest decimal that reads back as `value`; nil for infinities and NaN.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(literal: "\(value)")
    }

    /// True for zero.
    public var isZero: Bool { significand.isEmpty }

    /// True when the value has no fractional part (so `1.0` is an integer).
    public var isInteger: Bool { exponent >= 0 }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        guard isInteger else { return nil }
        var result = 0
        for digit in significand {
            let (times10, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        for _ in 0..<exponent {
            let (times10, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = times10
        }
        return isNegative ? -result : result
    }

    /// The nearest `Double` (correctly rounded; may be infinite for huge exponents).
    public var doubleValue: Double {
        if isZero { return 0 }
        let digits = String(decoding: significand.map { $0 + 0x30 }, as: UTF8.self)
        return Double("\(isNegative ? "-" : "")\(digits)e\(exponent)") ?? .nan
    }
}

extension Int {
    /// Exponents beyond ±10^15 carry no meaning for any real document; saturating keeps
    /// arithmetic on hostile input from trapping.
    func addingSaturated(_ other: Int) -> Int {
        let limit = 1_000_000_000_000_000
        let (sum, overflow) = self.addingReportingOverflow(other)
        if overflow { return other > 0 ? limit : -limit }
        return Swift.min(Swift.max(sum, -limit), limit)
    }
}
