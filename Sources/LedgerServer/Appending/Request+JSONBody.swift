import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The body's bytes, refused with 415 unless declared JSON and with 413 beyond `limit`.
    func jsonBody(limit: Int) async throws(Problem) -> [UInt8] {
        guard let contentType = headers[.contentType], Self.isJSON(contentType) else {
            throw Problem(.unsupportedMediaType, detail: "Send the body as Content-Type: application/json.",
                          members: [.string("contentType", headers[.contentType] ?? "")])
        }
        let tooLarge = Problem(.bodyTooLarge, detail: "The request body is over the limit of \(limit) bytes.",
                               members: [.number("limit", UInt64(limit))])
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        do {
            var buffer = try await body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw Problem(.invalidRequest, detail: "The request body could not be read: \(error).")
        }
    }

    /// `application/json`, with or without parameters such as `charset=utf-8`.
    /// Compares bytes, ignoring ASCII case and blanks: it runs for every append.
    static func isJSON(_ contentType: String) -> Bool {
        var mediaType = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }[...]
        while let first = mediaType.first, first == 0x20 || first == 0x09 { mediaType.removeFirst() }
        while let last = mediaType.last, last == 0x20 || last == 0x09 { mediaType.removeLast() }
        let expected = "application/json".utf8
        func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        return mediaType.count == expected.count && zip(mediaType, expected).allSatisfy { lowercased($0) == $1 }
    }
}
