import Foundation

/// A strict RFC 8259 parser working directly on UTF-8 bytes.
///
/// It refuses anything the RFC does not allow (trailing characters, invalid escapes, lone
/// surrogates, raw control characters in strings, leading zeros, `NaN`, invalid UTF-8) and also
/// duplicate object keys, and stops at `maximumDepth` nested arrays and objects so hostile input
/// cannot exhaust the stack.
public struct JSONParser: Sendable {
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int

    public init(maximumDepth: Int = 512) {
        self.maximumDepth = maximumDepth
    }

    /// Parses one JSON text.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var reader = JSONReader(bytes: buffer, maximumDepth: maximumDepth)
            return try reader.readDocument()
        }
    }

    /// Parses one JSON text.
    public func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
        try parse([UInt8](data))
    }

    /// Parses one JSON text.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

extension JSONValue {
    /// Parses JSON text with the default parser.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser().parse(text)
    }

    /// Parses JSON bytes with the default parser.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        self = try JSONParser().parse(bytes)
    }
}
