/// Why a path or coordinate is not a tile this log serves.
public struct TilePathError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case notATilePath
        case entriesNotServed
        case levelOutOfRange
        case widthOutOfRange
        case malformedIndex
        case notCanonical
    }

    private let reason: Reason

    /// The path does not start with `tile/<L>/`.
    public static var notATilePath: Self { Self(reason: .notATilePath) }
    /// The path names an entry bundle; records are served by the event API instead.
    public static var entriesNotServed: Self { Self(reason: .entriesNotServed) }
    /// The level is not a decimal 0 ... 63 without leading zeros.
    public static var levelOutOfRange: Self { Self(reason: .levelOutOfRange) }
    /// The partial width is not a decimal 1 ... 255 without leading zeros.
    public static var widthOutOfRange: Self { Self(reason: .widthOutOfRange) }
    /// The index is not three-digit groups, all but the last prefixed with `x`.
    public static var malformedIndex: Self { Self(reason: .malformedIndex) }
    /// The path names a tile, but not in its one canonical spelling (e.g. `x000/001`).
    public static var notCanonical: Self { Self(reason: .notCanonical) }

    public var description: String {
        switch reason {
        case .notATilePath: "not a tile path: tile/<L>/<N>[.p/<W>]"
        case .entriesNotServed: "entry bundles are not served; read records through the event API"
        case .levelOutOfRange: "a tile level is a decimal 0...63 without leading zeros"
        case .widthOutOfRange: "a partial tile width is a decimal 1...255 without leading zeros"
        case .malformedIndex: "a tile index is three-digit groups, all but the last starting with x"
        case .notCanonical: "the tile path is not in its canonical form"
        }
    }
}
