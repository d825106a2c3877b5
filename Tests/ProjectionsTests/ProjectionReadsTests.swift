import Testing
@testable import Projections

@Suite struct ProjectionReadsTests {
    struct Reader: Projection {
        let name = "reader"
        let version = 1
        let eventTypes: [String]
        func apply(_ event: ProjectedEvent, to state: ProjectionStateWriter) throws {}
    }

    @Test func readsEverythingWhenNoTypesAreGiven() {
        #expect(Reader(eventTypes: []).reads("assistance.ReliefPaid"))
    }

    @Test func readsOnlyTheGivenPrefixes() {
        let projection = Reader(eventTypes: ["assistance.", "marriage.MarriageRegistered"])
        #expect(projection.reads("assistance.ReliefPaid"))
        #expect(projection.reads("marriage.MarriageRegistered"))
        #expect(!projection.reads("marriage.DivorceRegistered"))
    }
}
