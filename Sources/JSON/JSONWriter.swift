/// Writes JSON text without insignificant whitespace.
///
/// `.compact` keeps object members in their order; `.canonical` follows the RFC 8785 (JCS)
/// layout: members sorted by the UTF-16 code units of their keys, numbers in shortest form,
/// strings escaping only `"`, `\` and control characters. Numbers stay exact decimals rather than
/// being rounded to `Double` first, so JCS and this writer agree for every number a `Double`
/// holds exactly in its shortest form, and this writer keeps extra digits where JCS would drop them.
public struct JSONWriter: Sendable {
    /// How members are ordered.
    public enum Style: Sendable {
        /// Members in their original order.
        case compact
        /// Members sorted as RFC 8785 requires.
        case canonical
    }

    public var style: Style

    public init(style: Style = .compact) {
        self.style = style
    }

    /// The UTF-8 text of `value`.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// The text of `value`.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.description.utf8)
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            var members = object.members
            if style == .canonical {
                members.sort { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string, escaping only `"`, `\` and control characters (every
    /// style writes strings so); for writers of JSON text that do not build a `JSONValue`.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20: output.append(contentsOf: "\\u00\(hex(UInt32(byte), width: 2).lowercased())".utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// The compact or canonical JSON text of this value.
    public func serialized(_ style: JSONWriter.Style = .compact) -> String {
        JSONWriter(style: style).string(self)
    }

    /// The compact or canonical JSON text of this value as UTF-8 bytes.
    public func serializedBytes(_ style: JSONWriter.Style = .compact) -> [UInt8] {
        JSONWriter(style: style).bytes(self)
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text.
    public var description: String { serialized() }
}
