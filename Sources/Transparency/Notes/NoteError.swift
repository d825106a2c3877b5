/// Why a signed note, a note text or a note key was refused.
public struct NoteError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case invalidText(String)
        case malformedNote(String)
        case invalidKeyName(String)
        case malformedKey(String)
        case keyIDMismatch(name: String)
        case invalidSignature(name: String, keyID: UInt32)
        case noVerifiedSignature
        case signingFailed(String)
    }

    private let reason: Reason

    /// The note text breaks a rule: non-empty, ending in a newline, no control characters but newline.
    public static func invalidText(_ why: String) -> Self { Self(reason: .invalidText(why)) }
    /// The signed note is not text, a blank line, then signature lines.
    public static func malformedNote(_ why: String) -> Self { Self(reason: .malformedNote(why)) }
    /// A key name is empty or holds a space or a plus.
    public static func invalidKeyName(_ name: String) -> Self { Self(reason: .invalidKeyName(name)) }
    /// A signer or verifier key text is not in the Go `note` format.
    public static func malformedKey(_ why: String) -> Self { Self(reason: .malformedKey(why)) }
    /// A key text's key ID does not match its name and public key.
    public static func keyIDMismatch(name: String) -> Self { Self(reason: .keyIDMismatch(name: name)) }
    /// A known key's signature does not verify: the note was altered or forged.
    public static func invalidSignature(name: String, keyID: UInt32) -> Self {
        Self(reason: .invalidSignature(name: name, keyID: keyID))
    }
    /// No signature on the note is by a known key.
    public static var noVerifiedSignature: Self { Self(reason: .noVerifiedSignature) }
    /// The signing library failed.
    public static func signingFailed(_ why: String) -> Self { Self(reason: .signingFailed(why)) }

    public var description: String {
        switch reason {
        case .invalidText(let why): "invalid note text: \(why)"
        case .malformedNote(let why): "malformed signed note: \(why)"
        case .invalidKeyName(let name): "invalid key name \"\(name)\": it must be non-empty, without spaces or +"
        case .malformedKey(let why): "malformed note key: \(why)"
        case .keyIDMismatch(let name): "the key ID of \"\(name)\" does not match its public key"
        case .invalidSignature(let name, let keyID): "the signature by \(name)+\(NoteKeyID.hex(keyID)) does not verify"
        case .noVerifiedSignature: "the note has no valid signature by a known key"
        case .signingFailed(let why): "signing failed: \(why)"
        }
    }
}
