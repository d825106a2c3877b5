import Foundation
import Glibc

/// A subscriber on a plain TCP socket, so a test decides when (and whether) it reads: HTTP
/// clients read ahead on their own. Its receive buffer is small, so a client that stops reading
/// soon pushes back on the server.
final class RawEventStream {
    private let fd: Int32
    private var received: [UInt8] = []
    private(set) var closed = false
    /// The chunked response ended (with its zero-length chunk); the connection may stay open.
    var ended: Bool { received.suffix(5).elementsEqual(Array("0\r\n\r\n".utf8)) }

    init(port: Int, path: String, token: String, receiveBuffer: Int32 = 4096) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: errno \(errno)") }
        var size = receiveBuffer
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw TestFailure("connect: errno \(errno)") }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            close(fd)
            throw TestFailure("send: errno \(errno)")
        }
    }

    deinit { close(fd) }

    /// Reads what has arrived until `enough` holds for the messages so far, the response ends
    /// (its last chunk) or the server closes the connection, or `timeout` passes. Never blocks
    /// a thread: it polls and sleeps.
    func read(timeout: Duration, until enough: (([SSEMessage]) -> Bool)? = nil) async throws -> [SSEMessage] {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while !closed && !ended && ContinuousClock.now < deadline {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                received += chunk[..<n]
                if let enough, enough(messages) { break }
            } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                closed = true   // EOF, or reset by the server
            } else {
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        return messages
    }

    /// How many event messages arrived (each opens a chunk with `id:`), without parsing them.
    var eventMessagesReceived: Int {
        let marker = Array("\r\nid: ".utf8)
        var count = 0, i = received.startIndex
        while let found = received[i...].firstRange(of: marker) { count += 1; i = found.upperBound }
        return count
    }

    /// The status line and the server-sent messages received so far, with the chunked
    /// transfer coding taken off.
    var status: String { String(decoding: received.prefix { $0 != 0x0D }, as: UTF8.self) }

    var messages: [SSEMessage] {
        let text = String(decoding: body, as: UTF8.self)
        return text.components(separatedBy: "\n\n").dropLast().map(EventStreamReader.parse)
    }

    private var body: [UInt8] {
        guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else { return [] }
        var body: [UInt8] = [], i = end.upperBound
        // Each chunk: its size in hex, CRLF, the bytes, CRLF.
        while let lineEnd = received[i...].firstRange(of: Array("\r\n".utf8)),
              let size = Int(String(decoding: received[i..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0,
              lineEnd.upperBound + size <= received.count {
            body += received[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            i = lineEnd.upperBound + size + 2
            if i > received.count { break }
        }
        return body
    }
}
