import Foundation

/// Reads NDJSON lines from a file or standard input in large chunks.
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    /// Bytes consumed so far (for progress).
    private(set) var offset: UInt64 = 0
    /// The 1-based number of the last line returned.
    private(set) var lineNumber = 0

    init(path: String?) throws {
        if let path {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CommandFailure(message: "Cannot open \(path) for reading.", code: "invalid-input", exitCode: CommandFailure.invalidInput, json: false)
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardInput
        }
    }

    /// The next line without its newline (blank lines skipped), or nil at the end.
    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                offset += UInt64(newline + 1 - start)
                start = newline + 1
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                return line
            }
            if ended {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                offset += UInt64(buffer.count - start)
                start = buffer.count
                lineNumber += 1
                return line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) ? nil : line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { ended = true } else { buffer += chunk }
        }
    }
}
