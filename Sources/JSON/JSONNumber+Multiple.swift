extension JSONNumber {
    /// True when `self` is an integer multiple of `divisor`, computed exactly.
    ///
    /// With `self = A × 10^a` and `divisor = B × 10^b` (normalized), a multiple needs `a ≥ b`
    /// because `A` has no trailing zeros; then it is `A × 10^(a-b) mod B == 0`, done with 64-bit
    /// modular arithmetic. Only a divisor with more than 19 significant digits falls back to `Double`.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        if exponent < divisor.exponent { return false }
        guard let modulus = divisor.significandValue else {
            let quotient = doubleValue / divisor.doubleValue
            return quotient.isFinite && quotient == quotient.rounded(.towardZero)
        }
        var remainder: UInt64 = 0
        for digit in significand {
            remainder = Self.mulMod(remainder, 10, modulus, adding: UInt64(digit))
        }
        var power = Self.powMod(10, exponent - divisor.exponent, modulus)
        power = Self.mulMod(remainder, power, modulus, adding: 0)
        return power == 0
    }

    /// The significand as an integer when it has at most 19 digits.
    var significandValue: UInt64? {
        guard significand.count <= 19 else { return nil }
        return significand.reduce(0) { $0 * 10 + UInt64($1) }
    }

    /// `(x × y + addend) mod m` without overflow, for `x, y, addend < m` or small `y`.
    static func mulMod(_ x: UInt64, _ y: UInt64, _ m: UInt64, adding addend: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        let (low, carry) = product.low.addingReportingOverflow(addend)
        let high = product.high + (carry ? 1 : 0)
        return m.dividingFullWidth((high: high % m, low: low)).remainder
    }

    static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var factor = base % m
        var rest = exponent
        while rest > 0 {
            if rest & 1 == 1 { result = mulMod(result, factor, m, adding: 0) }
            factor = mulMod(factor, factor, m, adding: 0)
            rest >>= 1
        }
        return result
    }
}
