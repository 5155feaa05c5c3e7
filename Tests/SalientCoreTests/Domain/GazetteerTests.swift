import Testing

@testable import SalientCore

@Suite struct GazetteerTests {
    static func gazetteer() throws -> Gazetteer {
        let world = try SyntheticWorld()
        let point = Geometry.point(LonLat(lon: 35.271, lat: 51.191))
        return try Gazetteer(places: [
            world.place(id: "sudzha", kind: .town, geometry: point, aliases: ["Suja", "Sudža", "Суджа"]),
            world.place(
                id: "russkoye-porechnoye", kind: .village, geometry: point, aliases: ["Porechnoye", "Русское Поречное"]),
            world.place(
                id: "kursk-oblast", kind: .region, geometry: point, aliases: ["Kursk region", "Курская область"]),
            world.place(id: "kursk", kind: .city, geometry: point, aliases: ["Курск"]),
            world.place(id: "belovsky-district", kind: .district, geometry: point, aliases: ["Беловский район"]),
            world.place(id: "belaya", kind: .village, geometry: point),
            world.place(id: "belaya-2", kind: .village, geometry: point, aliases: ["Belaya"]),
        ])
    }

    @Test(arguments: [
        ("Sudzha", "sudzha"), ("Suja", "sudzha"), ("Sudža", "sudzha"), ("Суджа", "sudzha"), ("SUDZHA", "sudzha"),
        ("Russkoye Porechnoye", "russkoye-porechnoye"), ("Russkoe Porechnoe", "russkoye-porechnoye"),
        ("Russkoye Porechnoe", "russkoye-porechnoye"), ("Porechnoe", "russkoye-porechnoye"),
        ("russkoye-porechnoye", "russkoye-porechnoye"),
        ("Russkoje Poretschnoje", "russkoye-porechnoye"),
        ("Kursk", "kursk"), ("Kursk's", "kursk"), ("Kursk region", "kursk-oblast"), ("Kursk Oblast", "kursk-oblast"),
        ("Kursk oblast'", "kursk-oblast"), ("Kursk province", "kursk-oblast"), ("Курская область", "kursk-oblast"),
        ("Belovsky district", "belovsky-district"), ("Belovskiy District", "belovsky-district"),
        ("Belovsky raion", "belovsky-district"),
    ])
    func spellingsFindThePlace(name: String, id: String) throws {
        #expect(try Self.gazetteer().match(name) == .found(try #require(Self.gazetteer().place(id: id))))
    }

    /// A name used as one place's name and another's alias goes to the name.
    @Test func nameBeatsAlias() throws {
        let g = try Self.gazetteer()
        #expect(g.match("Belaya") == .found(try #require(g.place(id: "belaya"))))
    }

    @Test func equalClaimsAreAmbiguous() throws {
        let world = try SyntheticWorld()
        let point = Geometry.point(LonLat(lon: 0, lat: 0))
        let g = try Gazetteer(places: [
            world.place(id: "a", kind: .village, geometry: point, aliases: ["Twin"]),
            world.place(id: "b", kind: .village, geometry: point, aliases: ["Twin"]),
        ])
        guard case .ambiguous(let places) = g.match("twin") else {
            Issue.record("expected ambiguity")
            return
        }
        #expect(places.map(\.id) == ["a", "b"])
    }

    @Test func missSuggestsTheNearestName() throws {
        #expect(try Self.gazetteer().match("Sudja") == .notFound(suggestions: ["Sudzha"]))
        #expect(try Self.gazetteer().match("Xyzzyplugh") == .notFound(suggestions: []))
    }

    @Test func duplicateIDsAreRefused() throws {
        let world = try SyntheticWorld()
        let point = Geometry.point(LonLat(lon: 0, lat: 0))
        #expect(throws: GazetteerConflict.duplicateID("a", first: 0, second: 1)) {
            try Gazetteer(places: [
                world.place(id: "a", kind: .village, geometry: point),
                world.place(id: "a", kind: .town, geometry: point),
            ])
        }
        #expect(throws: GazetteerConflict.empty) { try Gazetteer(places: []) }
    }
}
