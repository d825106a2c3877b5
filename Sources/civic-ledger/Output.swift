import Foundation

/// Buffered standard output: NDJSON streams are written in large chunks, not line by line.
final class Output {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16

    func line(_ bytes: [UInt8]) {
        buffer += bytes
        buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    func line(_ text: String) { line(Array(text.utf8)) }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise.
struct Progress {
    let label: String
    let total: UInt64
    private let isTerminal = isatty(2) == 1
    private var lastShown = Date.distantPast
    private let started = Date()

    init(label: String, total: UInt64) {
        self.label = label
        self.total = total
    }

    mutating func update(_ done: UInt64, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastShown) >= (isTerminal ? 0.1 : 5) else { return }
        lastShown = now
        let fraction = total == 0 ? 1 : min(1, Double(done) / Double(total))
        let rate = Double(done) / max(now.timeIntervalSince(started), 0.001)
        let line: String
        if isTerminal {
            let width = 30, filled = Int(fraction * Double(width))
            line = "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(Int(fraction * 100))% \(done)/\(total) \(Int(rate))/s"
        } else {
            line = "\(label): \(done)/\(total) (\(Int(fraction * 100))%), \(Int(rate))/s\n"
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
