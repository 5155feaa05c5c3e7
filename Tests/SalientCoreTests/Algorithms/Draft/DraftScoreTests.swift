import Testing

@testable import SalientCore

@Suite struct DraftScoreTests {
    @Test func countsOverlappingAgreeingItemsOnceEach() throws {
        let draft = try DraftFixtures.draft("Troops entered Sudzha and Korenevo on Monday, taking 74 settlements.")
        let labels = LabelledArticle(
            places: [
                .init(start: 15, end: 21, placeID: "sudzha"), .init(start: 26, end: 34, placeID: "glushkovo"),
                .init(start: 100, end: 104, placeID: nil),
            ],
            dates: [.init(start: 38, end: 44, date: .day(CalendarDay("2024-08-12")!))],
            claims: [.init(start: 53, end: 67, value: .single(74), unit: .settlements, hedge: .about)])
        let scores = DraftScore.score([(draft, labels)])
        #expect(scores.map(\.category) == DraftScore.categories)
        let byName = Dictionary(uniqueKeysWithValues: scores.map { ($0.category, $0) })
        #expect(byName["place mentions"].map { [$0.labelled, $0.found, $0.correct] } == [3, 2, 2])
        #expect(byName["resolved places"].map { [$0.labelled, $0.found, $0.correct] } == [2, 2, 1])
        #expect(byName["dates"].map { [$0.labelled, $0.found, $0.correct] } == [1, 1, 1])
        // The hedge differs: found, but not correct.
        #expect(byName["claims"].map { [$0.labelled, $0.found, $0.correct] } == [1, 1, 0])
        let resolved = byName["resolved places"]!
        #expect(resolved.precision == 0.5 && resolved.recall == 0.5 && resolved.f1 == 0.5)
    }
}
