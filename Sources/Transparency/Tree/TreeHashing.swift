import Crypto

/// The hash of the empty tree: SHA-256 of no bytes (RFC 9162 §2.1.1).
public let emptyTreeHash = Hash(digest: SHA256.hash(data: [UInt8]()))

/// The leaf hash of one record: SHA-256(0x00 ‖ record) (RFC 9162 §2.1.1).
public func leafHash(_ record: some Sequence<UInt8>) -> Hash {
    var hasher = SHA256()
    withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
    let done: Bool? = record.withContiguousStorageIfAvailable { buffer in
        hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        return true
    }
    if done == nil { hasher.update(data: Array(record)) }
    return Hash(digest: hasher.finalize())
}

/// The hash of an interior node: SHA-256(0x01 ‖ left ‖ right) (RFC 9162 §2.1.1).
public func nodeHash(_ left: Hash, _ right: Hash) -> Hash {
    // One 65-byte buffer on the stack: this runs for every node of every append and proof.
    withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
        buffer[0] = 0x01
        left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[1..<33]).copyMemory(from: $0) }
        right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: buffer[33..<65]).copyMemory(from: $0) }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        return Hash(digest: hasher.finalize())
    }
}
