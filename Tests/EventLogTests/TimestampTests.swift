import EventLog
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-03-01T08:00:00Z", Int64(1_772_352_000_000_000)),
        ("2026-03-01T08:00:00.5+08:00", 1_772_323_200_500_000),
        ("2026-03-01T08:00:00.123456Z", 1_772_352_000_123_456),
        ("2026-03-01T08:00:00.1234569Z", 1_772_352_000_123_456),
        ("2026-03-01T08:00:00.000001-01:30", 1_772_357_400_000_001),
    ])
    func parsesToTheMicrosecond(_ text: String, _ microseconds: Int64) {
        #expect(Timestamp.parse(text) == microseconds)
    }

    @Test func readsBackWhatItWrites() {
        for microseconds: Int64 in [0, 1, 999_999, 1_772_352_000_123_456, 1_798_761_599_999_999] {
            #expect(Timestamp.parse(Timestamp.rfc3339(microseconds: microseconds)) == microseconds)
        }
    }

    @Test(arguments: ["2026-03-01T08:00:00.Z", "2026-03-01", "2026-03-01T08:00:00", "yesterday", "2026-13-01T08:00:00Z"])
    func refusesWhatIsNotRFC3339(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }
}
