import Testing
import Transparency

@Suite("tlog-tiles")
struct TileTests {
    @Test(arguments: [
        (0, UInt64(1_234_067), 256, "tile/0/x001/x234/067"),
        (0, 0, 256, "tile/0/000"),
        (1, 1, 256, "tile/1/001"),
        (2, 999, 256, "tile/2/999"),
        (0, 1000, 256, "tile/0/x001/000"),
        (3, 1_234_067, 8, "tile/3/x001/x234/067.p/8"),
        (0, 273, 112, "tile/0/273.p/112"),
        (63, UInt64.max, 1, "tile/63/x018/x446/x744/x073/x709/x551/615.p/1"),
    ])
    func pathEncodingRoundTrips(level: Int, index: UInt64, width: Int, path: String) throws {
        let tile = try Tile(level: level, index: index, width: width)
        #expect(tile.path == path)
        #expect(try Tile(path: path) == tile)
    }

    @Test(arguments: [
        ("tile/entries/000", TilePathError.entriesNotServed),
        ("tiles/0/000", .notATilePath),
        ("tile/0", .notATilePath),
        ("tile/00/000", .levelOutOfRange),
        ("tile/64/000", .levelOutOfRange),
        ("tile/-1/000", .levelOutOfRange),
        ("tile/0/1234", .malformedIndex),
        ("tile/0/01", .malformedIndex),
        ("tile/0/x001", .malformedIndex),
        ("tile/0/001/234", .malformedIndex),
        ("tile/0/x1a3/000", .malformedIndex),
        ("tile/0/x018/x446/x744/x073/x709/x551/616", .malformedIndex),
        ("tile/0/x000/001", .notCanonical),
        ("tile/0/001.p/0", .widthOutOfRange),
        ("tile/0/001.p/256", .widthOutOfRange),
        ("tile/0/001.p/007", .widthOutOfRange),
        ("tile/0/001.p/", .widthOutOfRange),
    ])
    func malformedPathsAreRefused(path: String, error: TilePathError) {
        #expect(throws: error) { try Tile(path: path) }
    }

    @Test func tilesOfTheSpecificationsExample() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial
        // level 0 tile of width 112, one full level 1 tile, one partial level 1 tile of
        // width 17, and one partial level 2 tile of width 1."
        let tiles = Tile.tiles(forTreeSize: 70_000)
        #expect(tiles.filter { $0.level == 0 && !$0.isPartial }.count == 273)
        #expect(tiles.filter { $0.level == 0 && $0.isPartial }.map(\.width) == [112])
        #expect(tiles.filter { $0.level == 1 && !$0.isPartial }.count == 1)
        #expect(tiles.filter { $0.level == 1 && $0.isPartial }.map(\.width) == [17])
        #expect(tiles.filter { $0.level == 2 }.map(\.path) == ["tile/2/000.p/1"])
        #expect(tiles.count == 273 + 1 + 1 + 1 + 1)
        #expect(Tile.tiles(forTreeSize: 256).map(\.path) == ["tile/0/000", "tile/1/000.p/1"])
        #expect(Tile.tiles(forTreeSize: 0).isEmpty)
    }

    @Test func tileBytesAreTheHashesAtTreeLevelEightL() throws {
        let grown = try GrownTree(leafCount: 256 * 3 + 5, seed: 5)
        let tree = grown.tree
        let fullTile = try tree.tileData(Tile(level: 0, index: 1))
        #expect(fullTile == grown.leaves[256..<512].flatMap(\.bytes))
        let partial = try tree.tileData(Tile(level: 0, index: 3, width: 5))
        #expect(partial == grown.leaves[768..<773].flatMap(\.bytes))
        // Each level-1 hash is the root of the full level-0 tile under it.
        let upper = try tree.tileData(Tile(level: 1, index: 0, width: 3))
        for tile in 0..<3 {
            let root = ReferenceTree.root(grown.leaves[(tile * 256)..<((tile + 1) * 256)])
            #expect(Array(upper[(tile * 32)..<((tile + 1) * 32)]) == root.bytes)
        }
        // An earlier, narrower partial tile stays available; a wider one is not there yet.
        #expect(try tree.tileData(Tile(level: 0, index: 3, width: 2)) == grown.leaves[768..<770].flatMap(\.bytes))
        #expect(throws: TreeError.sizeBeyondTree(size: 774, treeSize: 773)) {
            try tree.tileData(Tile(level: 0, index: 3, width: 6))
        }
        #expect(throws: TreeError.sizeBeyondTree(size: 1024, treeSize: 773)) {
            try tree.tileData(Tile(level: 1, index: 0, width: 4))
        }
        #expect(throws: TreeError.self) { try tree.tileData(Tile(level: 0, index: 3)) }
    }
}
