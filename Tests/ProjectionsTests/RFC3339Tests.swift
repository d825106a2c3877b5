import EventLog
@testable import Projections
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [Int64(0), 1, -1, 951_782_400_000_000, 1_764_432_796_123_456, -62_135_596_800_000_000, 253_402_300_799_999_999,
                      4_107_542_400_000_001, -1_000_000_000_000_001])
    func writesWhatTimestampWrites(_ microseconds: Int64) {
        #expect(RFC3339.text(microseconds: microseconds) == Timestamp.rfc3339(microseconds: microseconds))
    }
}
