import Testing
@testable import SalientCore

@Suite struct CalendarDayTests {
    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-8-6", "24-08-06", "2024-08-06T00:00", "", "yesterday"])
    func notADay(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func leapDayAndRoundTrip() throws {
        let day = try #require(CalendarDay("2024-02-29"))
        #expect(day.description == "2024-02-29")
        #expect(day.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDay("1970-01-01")?.ordinal == 0)
    }

    @Test func rangeIsInclusive() throws {
        let days = CalendarDay.range(try #require(CalendarDay("2024-08-06")), through: try #require(CalendarDay("2024-08-15")))
        #expect(days.count == 10)
        #expect(days.last?.description == "2024-08-15")
    }
}
