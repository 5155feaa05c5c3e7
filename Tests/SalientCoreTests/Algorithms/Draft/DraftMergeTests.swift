import Testing

@testable import SalientCore

@Suite struct DraftMergeTests {
    static func sourced(_ text: String, _ id: String, published: String) throws -> SourcedDraft {
        var draft = try DraftFixtures.draft(text, published: published)
        draft.file = id + ".txt"
        return SourcedDraft(draft: draft, sourceID: id)
    }

    @Test func theSameClaimFromTwoOutletsIsOneClaimWithTwoSources() throws {
        let a = try Self.sourced(
            "Russian forces repelled an attack near Korenevo, which is 18km from the border.", "a",
            published: "2024-08-14")
        let b = try Self.sourced(
            "Russian troops repelled an attack at Korenevo, 18km from the border.", "b", published: "2024-08-14")
        let merged = DraftMerge.merge([a, b]) { _ in "outlet" }
        #expect(merged.claims.count == 1)
        #expect(merged.claims.first?.sourceIDs == ["a", "b"])
        #expect(merged.events.count == 1)
        #expect(merged.events.first?.sourceIDs == ["a", "b"])
        #expect(merged.events.first?.kind == .repelled)
        #expect(merged.events.first?.actor == "Russia")
        #expect(merged.claimIDs == [[merged.claims[0].id], [merged.claims[0].id]])
    }

    @Test func twoFiguresForOneStatementStayTwoClaims() throws {
        let a = try Self.sourced(
            "Troops advanced two miles in Kursk region since the start of the day, Syrskyi said.", "a",
            published: "2024-08-14")
        let b = try Self.sourced(
            "Troops advanced from one to two kilometres in Kursk region since the start of the day, Syrskyi said.", "b",
            published: "2024-08-14")
        let merged = DraftMerge.merge([a, b]) { _ in "outlet" }
        #expect(merged.claims.map { $0.figure.unit } == [.miles, .kilometers])
        #expect(merged.claims.map(\.sourceIDs) == [["a"], ["b"]])
        // Both statements lie in one event, which both articles report.
        #expect(merged.events.count == 1)
        #expect(Set(merged.claims.map(\.eventID)) == [merged.events[0].id])
    }

    /// A claim in a sentence that proposes no event on its day gets a statement event that day,
    /// so that the checker, which measures claims on days the events cover, can measure it.
    @Test func aClaimWithoutAnEventOnItsDayGetsAStatement() throws {
        let a = try Self.sourced(
            "Troops entered Sudzha on August 6. Some 11,000 people have left the Kursk region, Russian officials said.",
            "a",
            published: "2024-08-14")
        let merged = DraftMerge.merge([a]) { _ in "outlet" }
        #expect(merged.events.map(\.kind) == [.advance, .statement])
        #expect(merged.events.map(\.date.description) == ["2024-08-06", "2024-08-14"])
        #expect(merged.events[1].placeID == "kursk-oblast")
        #expect(merged.events[1].actor == "Russia")
        #expect(merged.claims.map(\.eventID) == [merged.events[1].id])
    }

    @Test func anArticleOfUnknownDateProposesNothing() throws {
        let a = try Self.sourced("Troops entered Sudzha, where 500 residents remain.", "a", published: "2024-08-14")
        var undated = try DraftFixtures.draft("Troops entered Sudzha, where 500 residents remain.", published: nil)
        undated.file = "u.txt"
        let merged = DraftMerge.merge([a, SourcedDraft(draft: undated, sourceID: "u")]) { _ in "outlet" }
        #expect(merged.events.map(\.sourceIDs) == [["a"]])
        #expect(merged.claims.map(\.sourceIDs) == [["a"]])
        #expect(merged.claimIDs[1] == [""])
    }
}
