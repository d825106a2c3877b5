extension JSONNumber: Comparable {
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = compareMagnitude(lhs, rhs)
        return lhs.isNegative ? order > 0 : order < 0
    }

    /// -1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    static func compareMagnitude(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        if lhs.isZero || rhs.isZero {
            return lhs.isZero ? (rhs.isZero ? 0 : -1) : 1
        }
        // The position of the leading digit decides unless both lead at the same power of ten.
        let lhsLead = lhs.exponent + lhs.significand.count
        let rhsLead = rhs.exponent + rhs.significand.count
        if lhsLead != rhsLead { return lhsLead < rhsLead ? -1 : 1 }
        for (l, r) in zip(lhs.significand, rhs.significand) where l != r {
            return l < r ? -1 : 1
        }
        // Normalized digits have no trailing zeros, so the longer one has more value left.
        if lhs.significand.count == rhs.significand.count { return 0 }
        return lhs.significand.count < rhs.significand.count ? -1 : 1
    }
}
