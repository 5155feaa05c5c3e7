import Testing
@testable import SalientCore

@Suite struct SourceIndexTests {
    @Test func sourcesBehindEventsAreDistinctAndSortedById() throws {
        let world = try SyntheticWorld()
        let position = world.north(ofBorderAt: 0, kilometers: 5)
        func event(_ id: String, _ sources: [String]) -> Event {
            var e = world.event(id, .control, at: position, on: .day(day("2024-08-06")))
            e.sourceIDs = sources
            return e
        }
        let timeline = Timeline(id: "t", title: "", timeZone: "UTC", estimate: world.parameters(), sources: [],
                                events: [event("e1", ["zeta", "alpha"]), event("e2", ["mid", "alpha"]), event("e3", ["beta"])],
                                claims: [])
        let index = SourceIndex(timeline)
        #expect(index.sourceIDs(behind: ["e2", "e1"]) == ["alpha", "mid", "zeta"])
        #expect(index.sourceIDs(behind: ["e3", "unknown"]) == ["beta"])
        #expect(index.sourceIDs(behind: []) == [])
    }
}
