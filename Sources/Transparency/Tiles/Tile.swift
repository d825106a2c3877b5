/// A C2SP tlog-tiles hash tile of height 8: up to 256 consecutive hashes at tree
/// level 8·`level`, starting at hash `index`·256.
///
/// Only hash tiles are modelled. The `tile/entries/...` bundles are not: this log
/// serves its records through the event API, so such paths are refused when parsed.
public struct Tile: Sendable, Hashable {
    /// Tree levels a tile spans.
    public static let height = 8
    /// Hashes in a full tile.
    public static let fullWidth = 1 << height

    /// The tile level, 0 ... 63; the hashes are at tree level 8·`level`.
    public let level: Int
    /// The tile's position within its level.
    public let index: UInt64
    /// The number of hashes, 1 ... 256; less than 256 for a partial tile.
    public let width: Int

    /// A tile; refuses a level outside 0 ... 63 or a width outside 1 ... 256.
    public init(level: Int, index: UInt64, width: Int = Tile.fullWidth) throws(TilePathError) {
        guard (0...63).contains(level) else { throw .levelOutOfRange }
        guard (1...Tile.fullWidth).contains(width) else { throw .widthOutOfRange }
        self.level = level
        self.index = index
        self.width = width
    }

    /// Whether the tile has fewer than 256 hashes.
    public var isPartial: Bool { width < Tile.fullWidth }

    /// The tree level of the hashes in the tile.
    public var treeLevel: Int { level * Tile.height }

    /// The stored-hash indices the tile holds at `treeLevel`, or nil when they do not
    /// fit in 64 bits.
    public var hashIndices: Range<UInt64>? {
        let (first, overflow) = index.multipliedReportingOverflow(by: UInt64(Tile.fullWidth))
        let (end, overflowEnd) = first.addingReportingOverflow(UInt64(width))
        guard !overflow, !overflowEnd else { return nil }
        return first..<end
    }

    /// Every tile that a tree of `treeSize` leaves has: the full ones and the partial
    /// one at each level's right edge, level by level.
    public static func tiles(forTreeSize treeSize: UInt64) -> [Tile] {
        var tiles: [Tile] = []
        var level = 0
        var hashCount = treeSize
        while hashCount > 0, level <= 63 {
            let full = hashCount / UInt64(fullWidth)
            for index in 0..<full {
                tiles.append(Tile(checkedLevel: level, index: index, width: fullWidth))
            }
            let rest = Int(hashCount % UInt64(fullWidth))
            if rest > 0 { tiles.append(Tile(checkedLevel: level, index: full, width: rest)) }
            hashCount = full
            level += 1
        }
        return tiles
    }

    private init(checkedLevel: Int, index: UInt64, width: Int) {
        level = checkedLevel
        self.index = index
        self.width = width
    }
}
