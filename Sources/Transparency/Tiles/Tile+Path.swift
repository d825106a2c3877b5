extension Tile: CustomStringConvertible {
    /// The path `tile/<L>/<N>[.p/<W>]`, with N in three-digit groups, all but the last
    /// prefixed with `x`: index 1234067 is `x001/x234/067`.
    public var path: String {
        var groups: [String] = []
        var rest = index
        repeat {
            let group = String(rest % 1000)
            groups.append(String(repeating: "0", count: 3 - group.count) + group)
            rest /= 1000
        } while rest > 0
        let indexPath = groups.reversed().enumerated()
            .map { position, group in position == groups.count - 1 ? group : "x" + group }
            .joined(separator: "/")
        return "tile/\(level)/\(indexPath)" + (isPartial ? ".p/\(width)" : "")
    }

    public var description: String { path }

    /// Parses a tile path. Only the canonical spelling is accepted, so each tile has
    /// exactly one path; entry-bundle paths (`tile/entries/...`) are refused.
    public init(path: String) throws(TilePathError) {
        var elements = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count >= 3, elements[0] == "tile" else { throw .notATilePath }
        guard elements[1] != "entries" else { throw .entriesNotServed }
        guard let level = Self.decimal(elements[1]), level <= 63 else { throw .levelOutOfRange }

        var width = Tile.fullWidth
        if elements.count >= 4, elements[elements.count - 2].hasSuffix(".p") {
            guard let partial = Self.decimal(elements.removeLast()), (1..<Tile.fullWidth).contains(partial) else {
                throw .widthOutOfRange
            }
            width = partial
            elements[elements.count - 1].removeLast(2)
        }

        var index: UInt64 = 0
        let groups = elements[2...]
        for (position, element) in groups.enumerated() {
            let isLast = position == groups.count - 1
            var digits = Substring(element)
            if !isLast {
                guard digits.first == "x" else { throw .malformedIndex }
                digits.removeFirst()
            }
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let group = UInt64(digits) else {
                throw .malformedIndex
            }
            let (scaled, overflow) = index.multipliedReportingOverflow(by: 1000)
            let (sum, overflowSum) = scaled.addingReportingOverflow(group)
            guard !overflow, !overflowSum else { throw .malformedIndex }
            index = sum
        }
        try self.init(level: level, index: index, width: width)
        guard self.path == path else { throw .notCanonical }
    }

    /// A decimal with no sign and no leading zeros.
    private static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            text == "0" || !text.hasPrefix("0")
        else { return nil }
        return Int(text)
    }
}
