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
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first ?? ""
        return mediaType.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
