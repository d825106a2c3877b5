import Foundation
import Testing
@testable import EventLog

/// Generated ids: UUID version 7, time first, random bits never handed out twice.
@Suite struct EventIDTests {
    @Test func idsAreVersion7WithTheTimeFirstAndNeverRepeat() async {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        // Several tasks at once, across many refills of the random block.
        let ids = await withTaskGroup(of: [UUID].self) { group in
            for _ in 0..<4 { group.addTask { (0..<5_000).map { _ in EventID.next() } } }
            var all: [UUID] = []
            for await part in group { all += part }
            return all
        }
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7, "version 7")
            #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
            let milliseconds = bytes[0..<6].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            #expect((before...after).contains(milliseconds))
        }
        // The random part is not constant: over 20,000 ids every bit of the last byte takes both values.
        let lastBytes = ids.map { withUnsafeBytes(of: $0.uuid) { $0[15] } }
        #expect(lastBytes.reduce(0, |) == 0xFF && lastBytes.reduce(0xFF, &) == 0)
    }
}
