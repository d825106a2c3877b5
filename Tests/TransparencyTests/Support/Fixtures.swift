import Transparency

/// A reproducible random source (SplitMix64), so a failing case can be rerun.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A log grown leaf by leaf through `CompactRange`, its hashes kept in memory.
struct GrownTree {
    var leaves: [Hash] = []
    var store = InMemoryHashStore()
    var range = CompactRange()

    init(leafCount: Int, seed: UInt64) throws {
        var random = SeededRandom(state: seed)
        for _ in 0..<leafCount {
            let record = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &random) }
            try append(record)
        }
    }

    mutating func append(_ record: [UInt8]) throws {
        let hash = leafHash(record)
        leaves.append(hash)
        try store.store(range.append(hash))
    }

    var tree: StoredTree<InMemoryHashStore> { StoredTree(size: UInt64(leaves.count), store: store) }
}

extension Hash {
    /// This hash with bit `bit` (0 ..< 256) inverted.
    func flipping(bit: Int) throws -> Hash {
        var bytes = self.bytes
        bytes[bit / 8] ^= 1 << UInt8(bit % 8)
        return try Hash(bytes: bytes)
    }
}
