import Testing

@testable import SalientCore

@Suite struct PlaceMentionFinderTests {
    @Test(arguments: [
        ("Troops reached Sudzha on Monday.", ["Sudzha=sudzha"]),
        ("Fighting went on in Sudzha and near Korenevo.", ["Sudzha=sudzha", "Korenevo=korenevo"]),
        ("Sudzha's mayor has left.", ["Sudzha=sudzha"]),
        ("Sudzha’s mayor has left.", ["Sudzha=sudzha"]),
        ("Evacuations spread across the Sudzha district.", ["Sudzha district=sudzhansky-district"]),
        ("The town, Суджа in Russian, is near the border.", ["Суджа=sudzha"]),
        ("A reporter in Sudža counted the damage.", ["Sudža=sudzha"]),
        ("They repelled an attack at Russkoje Poretschnoje.", ["Russkoje Poretschnoje=russkoye-porechnoye"]),
        ("Guards were added at the Kursk nuclear power plant.", ["Kursk nuclear power plant=kursk-npp"]),
    ])
    func resolvesAliasesPossessivesDistrictsCyrillicAndTransliterations(_ text: String, _ expected: [String]) throws {
        #expect(try DraftFixtures.places(text) == expected)
    }

    @Test func peopleAreNotPlacesEvenWhenAVillageHasTheirName() throws {
        let text =
            "General Oleksandr Syrskyi briefed Mr Zelensky. Later Syrskyi said the line held, "
            + "and President Volodymyr Zelensky thanked him."
        #expect(try DraftFixtures.places(text) == [])
    }

    @Test func aGivenNameThatIsACitysNameIsAPersons() throws {
        #expect(try DraftFixtures.places("Vladimir Putin said the enemy would be expelled.") == [])
        #expect(try DraftFixtures.places("Trains from Vladimir were cancelled.") == ["Vladimir=vladimir"])
    }

    @Test func sidesAreActorsNotPlaces() throws {
        // Moscow is in the gazetteer, but here it is the government; Russia and Ukraine are sides.
        let text =
            "Moscow said Ukrainian troops had entered Russia. Kursk said nothing. Russia's army repelled an attack near Korenevo."
        #expect(try DraftFixtures.places(text) == ["Korenevo=korenevo"])
        let events = try DraftFixtures.draft(text).events
        #expect(events.map(\.actor) == ["Russia"])
    }

    @Test func aBareNameThatIsAlsoARegionsIsTheRegionUnlessACityIsMeant() throws {
        #expect(try DraftFixtures.places("Drones were downed over Kursk.") == ["Kursk=kursk-oblast"])
        #expect(try DraftFixtures.places("Buses left for the city of Kursk.") == ["Kursk=kursk"])
        #expect(try DraftFixtures.places("Buses left for Kursk city.") == ["Kursk=kursk"])
        #expect(try DraftFixtures.places("A village north of Kursk was hit.") == ["Kursk=kursk"])
        #expect(try DraftFixtures.places("In Kursk, the regional capital, sirens sounded.") == ["Kursk=kursk"])
        #expect(try DraftFixtures.places("In Kursk, a city of 440,000, sirens sounded.") == ["Kursk=kursk"])
        #expect(
            try DraftFixtures.places("Shelters in Kursk and Korenevo filled.") == ["Kursk=kursk", "Korenevo=korenevo"])
    }

    @Test func aDistrictTheGazetteerLacksIsUnresolvedNotItsTown() throws {
        #expect(try DraftFixtures.places("Shelling hit the Glushkovo district.") == ["Glushkovo district="])
        #expect(try DraftFixtures.places("Shelling hit Glushkovo.") == ["Glushkovo=glushkovo"])
    }

    @Test func namesTheGazetteerLacksAreFoundAfterWordsThatIntroducePlaces() throws {
        let text = "Russia retook the villages of Plekhovo and Nikolayevo-Darino, and fighting went on near Makhnovka."
        #expect(try DraftFixtures.places(text) == ["Plekhovo=", "Nikolayevo-Darino=", "Makhnovka="])
        #expect(try DraftFixtures.places("Officials in Donetsk region said so.") == ["Donetsk region="])
        // Months, weekdays and states after "in" are not places.
        #expect(try DraftFixtures.places("In August, aid came in Thursday's convoy from Europe.") == [])
    }

    @Test func aCommonWordAtASentencesStartIsNotTheVillageOfThatName() throws {
        #expect(try DraftFixtures.places("Smile, the soldiers were told. Nobody could smile.") == [])
        #expect(try DraftFixtures.places("Residents of Smile lost power.") == ["Smile=smile"])
    }

    @Test func aDatelinePlaceIsAMentionResolvedAsASettlement() throws {
        let draft = try DraftFixtures.draft("KURSK, Aug 15 (Reuters) - Sirens sounded.")
        #expect(draft.places.map(\.placeID) == ["kursk"])
        #expect(draft.places.first?.start == 0)
    }

    @Test func offsetsCountCodePointsNotBytesOrCharacters() throws {
        // U+1F600 is one code point (four UTF-8 bytes); "e\u{301}" is one character of two code points.
        let text = "😀 Cafe\u{301} talk: Суджа is held."
        let draft = try DraftFixtures.draft(text)
        let mention = try #require(draft.places.first)
        #expect(mention.start == 14)
        #expect(mention.end == 19)
        #expect(Array(text.unicodeScalars)[14..<19].map(String.init).joined() == "Суджа")
    }
}

@Suite struct PlaceMentionTerritoryTests {
    /// Two villages called Ivanovka, one inside the territory: with the territory the mention is
    /// that one; without it the mention stays ambiguous, with both listed.
    @Test func namesakesAreToldApartByTheTerritory() throws {
        func village(_ id: String, _ lon: Double) -> Place {
            var place = DraftFixtures.place(id, "Ivanovka", .village)
            place.geometry = .point(LonLat(lon: lon, lat: 51.5))
            return place
        }
        let gazetteer = try Gazetteer(places: [village("ivanovka-1", 35.5), village("ivanovka-2", 40.5)])
        let square = MultiPolygon<LonLat>([
            Polygon(exterior: [
                LonLat(lon: 35, lat: 51), LonLat(lon: 36, lat: 51), LonLat(lon: 36, lat: 52), LonLat(lon: 35, lat: 52),
                LonLat(lon: 35, lat: 51),
            ])
        ])
        let territory = try Territory(areas: [square], countries: ["RU"])
        let drafter = ArticleDrafter(gazetteer: gazetteer)
        let text = "Troops entered Ivanovka."
        let alone = try drafter.draft(text: text, file: "t.txt", published: CalendarDay("2024-08-14"))
        #expect(alone.places.map(\.placeID) == [nil])
        #expect(alone.places.first?.candidates == ["ivanovka-1", "ivanovka-2"])
        let placed = try drafter.draft(
            text: text, file: "t.txt", published: CalendarDay("2024-08-14"), territory: territory)
        #expect(placed.places.map(\.placeID) == ["ivanovka-1"])
        #expect(placed.events.map(\.placeID) == ["ivanovka-1"])
    }
}
