import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct TimelineReaderTests {
    static let loaded = Result { try TimelineReader.read(path: Paths.kursk) }

    @Test func kurskTimelineReads() throws {
        let timeline = try Self.loaded.get().timeline
        #expect(timeline.id == "kursk-2024")
        #expect(timeline.timeZone == "Europe/Moscow")
        // The four seed articles by file; the news pages of 16-30 August by URL only.
        let (seeds, pages) = (timeline.sources.filter { !$0.file.isEmpty }, timeline.sources.filter { $0.file.isEmpty })
        #expect(
            seeds.map(\.file).sorted() == [
                "000_7a379853dc20a3a0.txt", "002_f01ce8c55b41932b.txt",
                "003_99f9997e802d78fd.txt", "004_382df688842ab0bb.txt",
            ])
        #expect(pages.count == 18 && pages.allSatisfy { $0.url.hasPrefix("https://") })
        #expect(timeline.span?.start == CalendarDay("2024-08-06"))
        #expect(timeline.span?.end == CalendarDay("2024-08-30"))
        #expect(timeline.events.allSatisfy { !$0.sourceIDs.isEmpty })
        #expect(timeline.claims.allSatisfy { !$0.sourceIDs.isEmpty })
    }

    /// "As of Monday" in an article of Thursday 15 August holds on the 12th: the three dates
    /// of a claim stay apart.
    @Test func asOfDateIsKeptApartFromPublication() throws {
        let timeline = try Self.loaded.get().timeline
        let area = try #require(timeline.claims.first { $0.unit == .squareKilometers && $0.hedge == .atLeast })
        #expect(area.asOf == CalendarDay("2024-08-12"))
        #expect(area.stated == CalendarDay("2024-08-15"))
        #expect(area.value == .single(800))
        let source = try #require(timeline.source(id: area.sourceIDs[0]))
        #expect(source.published == .day(CalendarDay("2024-08-15")!))
    }

    @Test func sudzhaIsHeldOnTheDayReported() throws {
        let timeline = try Self.loaded.get().timeline
        let held = try #require(timeline.events.first { $0.kind == .control && $0.placeID == "sudzha" })
        #expect(held.locationPrecision == .exact)
        #expect(held.actor == "Ukraine")
    }

    @Test(arguments: [
        ("a/b/../c", "a/c"), ("timelines/../gazetteer", "gazetteer"), ("../x", "../x"),
        ("/a/./b/../g", "/a/g"), ("x/../..", ".."),
    ])
    func pathsAreNormalisedLexically(path: String, expected: String) {
        #expect(TimelineReader.normalized(path) == expected)
    }

    @Test(arguments: [
        ("km²", ClaimUnit.squareKilometers), ("square kilometres", .squareKilometers), ("sq km", .squareKilometers),
        ("square miles", .squareMiles), ("kilometres", .kilometers), ("kilometers", .kilometers), ("km", .kilometers),
        ("miles", .miles), ("mi", .miles), ("m", .meters), ("metres", .meters), ("settlements", .settlements),
    ])
    func unitsAsTheNewsWritesThem(text: String, unit: ClaimUnit) {
        #expect(ClaimUnit(parsing: text) == unit)
    }
}
