import Crypto

/// A SHA-256 Merkle tree hash (RFC 9162 §2.1): exactly 32 bytes, a value type.
public struct Hash: Sendable, Hashable {
    /// The number of bytes in every hash.
    public static let byteCount = 32

    // Four words instead of an array: proofs and stores hold many hashes, and a
    // fixed-size value avoids a heap allocation per hash.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Takes exactly 32 bytes; anything else is refused.
    public init(bytes: some Collection<UInt8>) throws(HashError) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(bytes.count) }
        words = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &words) { target in
            for (offset, byte) in bytes.enumerated() { target[offset] = byte }
        }
    }

    /// 32 bytes read in place from storage, without an intermediate array.
    init(stored buffer: UnsafeRawBufferPointer) throws(HashError) {
        guard buffer.count == Self.byteCount else { throw .wrongLength(buffer.count) }
        words = buffer.loadUnaligned(as: (UInt64, UInt64, UInt64, UInt64).self)
    }

    init(digest: SHA256Digest) {
        words = digest.withUnsafeBytes { $0.loadUnaligned(as: (UInt64, UInt64, UInt64, UInt64).self) }
    }

    /// The 32 bytes, in order.
    public var bytes: [UInt8] {
        Swift.withUnsafeBytes(of: words) { Array($0) }
    }

    /// Calls `body` with the 32 bytes, without copying them.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: words, body)
    }

    public static func == (lhs: Hash, rhs: Hash) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
