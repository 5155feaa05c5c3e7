import Foundation
import Testing

@testable import SalientCore

@Suite struct CalendarDayTests {
    @Test(arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "1000-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-8-6",
        "24-08-06", "2024-08-06T00:00", "", "yesterday", "２０２４-08-06", "2024-08-0\u{0666}", "2024-08-06\u{301}",
        "+024-08-06", "-024-08-06", "2024-08-06 ", " 2024-08-0", "2024/08/06", "2024-08--6",
    ])
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
        let days = CalendarDay.range(
            try #require(CalendarDay("2024-08-06")), through: try #require(CalendarDay("2024-08-15")))
        #expect(days.count == 10)
        #expect(days.last?.description == "2024-08-15")
    }

    /// Days are printed by arithmetic; Foundation's Gregorian calendar is the reference, over
    /// four centuries (every leap rule) in 13-day steps and every day round two century turns.
    @Test func componentsAgreeWithFoundationsCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let start = try #require(CalendarDay("1800-01-01")).ordinal
        let end = try #require(CalendarDay("2200-12-31")).ordinal
        let turns = [try #require(CalendarDay("1899-12-01")).ordinal, try #require(CalendarDay("1999-12-01")).ordinal]
        let ordinals =
            Array(stride(from: start, through: end, by: 13)) + turns.flatMap { Array($0..<($0 + 800)) } + [end]
        for ordinal in ordinals {
            let day = CalendarDay(ordinal: ordinal)
            let c = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(ordinal) * 86_400))
            #expect(day.components == (c.year!, c.month!, c.day!), "\(ordinal)")
            #expect(CalendarDay(day.description) == day)
        }
    }

    /// Before October 1582 Foundation's Gregorian calendar is Julian; days here stay proleptic
    /// Gregorian on the way in and out. One whole 400-year cycle, every day, round-trips, and
    /// days Julian and Gregorian disagree on are read the Gregorian way.
    @Test func prolepticBeforeTheGregorianReform() throws {
        #expect(CalendarDay("1012-02-29")?.description == "1012-02-29")
        #expect(CalendarDay("1582-10-10")?.description == "1582-10-10")
        #expect(CalendarDay("0000-02-29") != nil)
        let reform = try #require(CalendarDay("1582-10-15"))
        #expect(try #require(CalendarDay("1582-10-04")).ordinal == reform.ordinal - 11)
        let start = try #require(CalendarDay("0000-01-01")).ordinal
        for ordinal in start..<(start + 146_097) {
            let day = CalendarDay(ordinal: ordinal)
            #expect(CalendarDay(day.description) == day, "\(ordinal)")
        }
        #expect(CalendarDay("0400-01-01")?.ordinal == start + 146_097)
    }

    /// Days are written as ISO 8601 dates with zero-padded fields, in the four-digit years
    /// written digit by digit and in the years beyond them.
    @Test func writtenAsPaddedISODates() {
        func reference(_ day: CalendarDay) -> String {
            let c = day.components
            let year = String(format: "%04d", abs(c.year))
            return (c.year < 0 ? "-" : "") + year + String(format: "-%02d-%02d", c.month, c.day)
        }
        let first = CalendarDay.ordinal(year: -2, month: 12, day: 25)
        let last = CalendarDay.ordinal(year: 10_001, month: 1, day: 5)
        for ordinal in stride(from: first, through: last, by: 7) + [0, 19_000, 2_932_896, 2_932_897] {
            let day = CalendarDay(ordinal: ordinal)
            #expect(day.description == reference(day), "\(ordinal)")
        }
        #expect(CalendarDay.ordinal(year: 10_000, month: 1, day: 1) == 2_932_897)
        #expect(CalendarDay(ordinal: 2_932_897).description == "10000-01-01")
        #expect(CalendarDay(ordinal: 2_932_896).description == "9999-12-31")
    }
}
