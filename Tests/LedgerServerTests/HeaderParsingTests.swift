import Hummingbird
import Testing
@testable import LedgerServer

/// The byte-level readers of `Authorization` and `Content-Type`, which run on every request.
@Suite struct HeaderParsingTests {
    @Test(arguments: [
        ("Bearer clk_abc", "clk_abc"),
        ("bearer clk_abc", "clk_abc"),
        ("BEARER   clk_abc  ", "clk_abc"),
        ("  Bearer\tclk_abc", "clk_abc"),
    ])
    func bearerTokens(header: String, token: String) {
        #expect(Authentication.bearerToken(header) == token)
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer    ", "Basic clk_abc", "Bearerclk_abc", "Bearex clk_abc", "", "Token clk"])
    func notBearerTokens(header: String) {
        #expect(Authentication.bearerToken(header) == nil)
    }

    @Test(arguments: ["application/json", "Application/JSON", "application/json; charset=utf-8", " application/json ;charset=UTF-8"])
    func jsonContentTypes(contentType: String) {
        #expect(Request.isJSON(contentType))
    }

    @Test(arguments: ["text/plain", "application/jsonl", "application/json-patch+json", "application\u{0F}json", "", "application/",
                      "application/x-ndjson", "APPLICATION/JSONX"])
    func otherContentTypes(contentType: String) {
        #expect(!Request.isJSON(contentType))
    }
}
