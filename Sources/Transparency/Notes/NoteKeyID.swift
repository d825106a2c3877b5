import Crypto

/// Key names and key IDs as the C2SP signed-note specification defines them.
enum NoteKeyID {
    /// The signature type byte of Ed25519 note keys.
    static let ed25519: UInt8 = 0x01

    /// SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4], big-endian.
    static func keyID(name: String, type: UInt8, publicKey: some Sequence<UInt8>) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [0x0A, type] + Array(publicKey))
        return hasher.finalize().prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A key name is non-empty and holds no Unicode space and no plus.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
            && !name.unicodeScalars.contains { $0.value < 0x20 }
    }

    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    static func parseHex(_ text: some StringProtocol) -> UInt32? {
        guard text.count == 8, text.allSatisfy(\.isHexDigit) else { return nil }
        return UInt32(text, radix: 16)
    }

    static func bigEndian(_ keyID: UInt32) -> [UInt8] {
        [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
    }
}
