import Testing

@testable import SalientCore

@Suite struct PublicationDateFinderTests {
    static func find(_ text: String, given: String? = nil) throws -> Publication {
        try PublicationDateFinder.find(in: Array(text.unicodeScalars), given: given.flatMap(CalendarDay.init))
    }

    @Test func aDateLineMayCarryTextOnTheSameLine() throws {
        let p = try Self.find(" date 2024-08-15 KYIV: President Zelensky said")
        #expect(p.day == CalendarDay("2024-08-15"))
        #expect(p.origin == .dateLine)
        #expect(p.bodyStart == 16)
        #expect(p.datelinePlace?.text == "KYIV")
    }

    @Test func aDatelineWithTheYearDatesTheArticleOneWithoutDoesNot() throws {
        let full = try Self.find("SUMY, Ukraine, August 16, 2024 — Units pushed on.")
        #expect(full.day == CalendarDay("2024-08-16"))
        #expect(full.origin == .dateline)
        let partial = try Self.find("KURSK, Aug 15 (Reuters) - Sirens.")
        #expect(partial.day == nil)
        #expect(partial.origin == .unknown)
        #expect(partial.datelinePlace?.text == "KURSK")
    }

    @Test func theOptionDatesOnlyWhatStatesNoDateAndNothingIsGuessed() throws {
        #expect(try Self.find("date 2024-08-15\nText.", given: "2024-08-20").day == CalendarDay("2024-08-15"))
        #expect(try Self.find("Text.", given: "2024-08-20").origin == .option)
        #expect(try Self.find("Ukraine is advancing, officials say.").day == nil)
    }

    @Test func aDateLineThatIsNoDayIsRefused() {
        #expect(throws: PublicationError.unparsableDateLine("2024-02-30")) { try Self.find("date 2024-02-30\nText.") }
        #expect(throws: PublicationError.unparsableDateLine("yesterday")) { try Self.find("date yesterday\nText.") }
    }
}
