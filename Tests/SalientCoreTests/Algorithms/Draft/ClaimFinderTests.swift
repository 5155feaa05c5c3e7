import Testing

@testable import SalientCore

@Suite struct ClaimFinderTests {
    static func claims(_ text: String, published: String = "2024-08-15") throws -> [ClaimMention] {
        try DraftFixtures.draft(text, published: published).claims
    }

    static func figure(_ c: ClaimMention) -> String {
        "\(c.figure.value) \(c.figure.unit?.rawValue ?? "-") \(c.figure.hedge.rawValue)"
    }

    @Test(arguments: [
        (
            "Troops advanced over at least 800 square kilometres (310 square miles) of Russia.", "800 km2 at_least",
            "at least 800 square kilometres (310 square miles)"
        ),
        ("Forces have advanced up to 18 miles (30km) inside Russia.", "18 mi up_to", "up to 18 miles (30km)"),
        ("The military claims it controls 74 settlements.", "74 settlements exact", "74 settlements"),
        ("More than 120,000 Russians have fled their homes.", "120000 people more_than", "More than 120,000 Russians"),
        ("An attack at Russkoye Porechnoye 18km from the border was repelled.", "18 km exact", "18km"),
        ("The Kursk nuclear power plant is just 35km from the fighting.", "35 km exact", "just 35km"),
        ("They had taken another 1km-2km on Wednesday.", "1–2 km range", "another 1km-2km"),
        (
            "They moved from one to two kilometres since the start of the day.", "1–2 km range",
            "from one to two kilometres"
        ),
        (
            "It could involve as many as 10,000 Ukrainian troops.", "10000 people up_to",
            "as many as 10,000 Ukrainian troops"
        ),
        ("Almost 200,000 people fled.", "200000 people up_to", "Almost 200,000 people"),
        ("Units advanced between 1 and 3 kilometres.", "1–3 km range", "between 1 and 3 kilometres"),
        ("Officials evacuated 23 more settlements.", "23 settlements exact", "23 more settlements"),
        ("Troops advanced a further 1-3km (0.6-1.9 miles).", "1–3 km range", "a further 1-3km (0.6-1.9 miles)"),
    ])
    func readsTheFigureTheUnitAndTheHedgeAsWritten(_ text: String, _ expected: String, _ span: String) throws {
        let found = try Self.claims(text)
        #expect(found.map(Self.figure) == [expected], "\(text)")
        #expect(found.first?.text == span)
    }

    @Test func aFigureInTwoUnitsIsOneClaim() throws {
        #expect(try Self.claims("They hold at least 800 square kilometres (310 square miles).").count == 1)
        #expect(try Self.claims("Units are up to 18 miles (30km) deep.").count == 1)
        #expect(try Self.claims("From one to two kilometres (0.6-1.2 miles) a day.").count == 1)
    }

    @Test func countsOfPeopleMayNameThemLaterOrNotAtAll() throws {
        let found = try Self.claims("About 11,000 people had fled, with about 1,000 staying in shelters for 24 hours.")
        #expect(found.map(Self.figure) == ["11000 people about", "1000 people about"])
        #expect(found.map(\.definition) == [.fled, .fled])
    }

    @Test func figuresTheCheckerCannotMeasureAreNotClaims() throws {
        let text =
            "Russia said 117 drones were downed, 37 over Kursk, and a Su-34 and a T-72 were hit. "
            + "Russia holds 18 per cent of Ukraine. It costs AU$10 a month. The 1+1 channel filmed five areas."
        #expect(try Self.claims(text).isEmpty)
    }

    @Test func distancesNameTheirPlaceAndWhatTheyAreMeasuredTo() throws {
        let border = try #require(try Self.claims("Russkoye Porechnoye lies 18km from the border.").first)
        #expect(border.definition == .distanceToBorder)
        #expect(border.placeID == "russkoye-porechnoye")
        #expect(border.to == "border")
        let fighting = try #require(try Self.claims("The Kursk nuclear power plant is 35km from the fighting.").first)
        #expect(fighting.definition == .distanceToFighting)
        #expect(fighting.placeID == "kursk-npp")
        // Without a place a distance from the border is a depth.
        let depth = try #require(try Self.claims("Units are 30km from the border now.").first)
        #expect(depth.definition == .depth)
    }

    @Test func theClaimantIsTheSentencesSpeaker() throws {
        let found = try Self.claims(
            "Troops advanced two miles in Kursk region, Syrskyi said. Its defence ministry said 74 settlements held. "
                + "Some 11,000 people have left.")
        #expect(found.map(\.claimant) == ["Syrskyi", "Its defence ministry", ""])
    }

    @Test func asOfIsTheDayTheSentenceGivesElseThePublicationDay() throws {
        let found = try Self.claims(
            "Ukraine held 800 square kilometres as of Monday. It held 74 settlements on Tuesday. "
                + "About 11,000 people fled. The incursion is up to 30km deep, the deepest since 2022.")
        #expect(found.map { $0.asOf?.description ?? "?" } == ["2024-08-12", "2024-08-13", "2024-08-15", "2024-08-15"])
    }
}
