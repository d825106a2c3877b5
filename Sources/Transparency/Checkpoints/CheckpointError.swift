/// Why a checkpoint text or value was refused.
public struct CheckpointError: Error, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case missingFinalNewline
        case tooFewLines(Int)
        case invalidOrigin
        case invalidSize(String)
        case invalidRoot(String)
        case invalidExtensionLine
    }

    private let reason: Reason

    /// The text does not end in a newline.
    public static var missingFinalNewline: Self { Self(reason: .missingFinalNewline) }
    /// The text has fewer than the three lines origin, size and root.
    public static func tooFewLines(_ count: Int) -> Self { Self(reason: .tooFewLines(count)) }
    /// The origin is empty or holds a control character.
    public static var invalidOrigin: Self { Self(reason: .invalidOrigin) }
    /// The size line is not a decimal without sign or leading zeros that fits 64 bits.
    public static func invalidSize(_ line: String) -> Self { Self(reason: .invalidSize(line)) }
    /// The root line is not canonical base64 of 32 bytes.
    public static func invalidRoot(_ line: String) -> Self { Self(reason: .invalidRoot(line)) }
    /// An extension line is empty or holds a control character.
    public static var invalidExtensionLine: Self { Self(reason: .invalidExtensionLine) }

    public var description: String {
        switch reason {
        case .missingFinalNewline: "a checkpoint text ends in a newline"
        case .tooFewLines(let count): "a checkpoint has origin, size and root lines, not \(count) lines"
        case .invalidOrigin: "the checkpoint origin must be a non-empty line"
        case .invalidSize(let line): "the checkpoint size \"\(line)\" is not a decimal without leading zeros"
        case .invalidRoot(let line): "the checkpoint root \"\(line)\" is not base64 of 32 bytes"
        case .invalidExtensionLine: "checkpoint extension lines must be non-empty"
        }
    }
}
