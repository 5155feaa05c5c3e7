import Testing

@testable import SalientCore

/// Namesakes told apart by the timeline's context: the parent named with the place, then the territory.
@Suite struct GazetteerContextTests {
    static func place(
        _ id: String, _ name: String, at lon: Double, _ lat: Double, parent: String = "",
        country: String = "RU", aliases: [String] = [], kind: PlaceKind = .village
    ) -> Place {
        Place(
            id: id, name: name, localName: "", aliases: aliases, kind: kind, parent: parent, country: country,
            geometry: .point(LonLat(lon: lon, lat: lat)),
            provenance: Provenance(
                source: "test", sourceID: "", sourceURL: "", licence: "CC0", uncertaintyMeters: 0, note: ""))
    }

    static func square(
        _ id: String, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, parent: String = "",
        kind: PlaceKind = .region
    ) -> Place {
        var area = place(id, id, at: 0, 0, parent: parent, kind: kind)
        area.name = id.replacingOccurrences(of: "-", with: " ")
        area.geometry = .multiPolygon(
            MultiPolygon([
                Polygon(exterior: [
                    LonLat(lon: x0, lat: y0), LonLat(lon: x1, lat: y0),
                    LonLat(lon: x1, lat: y1), LonLat(lon: x0, lat: y1),
                    LonLat(lon: x0, lat: y0),
                ])
            ]))
        return area
    }

    static let home = square("home-oblast", 35, 50, 37, 52)
    static func gazetteer() throws -> Gazetteer {
        try Gazetteer(places: [
            home, square("sudzhansky-district", 35.5, 50.5, 36.5, 51.5, parent: "home-oblast", kind: .district),
            place("ivanovka", "Ivanovka", at: 30, 45),
            place("ivanovka-2", "Ivanovka", at: 36.0, 51.0, parent: "sudzhansky-district"),
            place("ivanovka-3", "Ivanovka", at: 36.8, 51.8, parent: "home-oblast"),
            place("petrovka", "Petrovka", at: 30, 46), place("petrovka-2", "Petrovka", at: 36.2, 51.2),
            place("nikolskoye", "Nikolskoye", at: 37.3, 51.0), place("nikolskoye-2", "Nikolskoye", at: 40, 45),
            place("oleshnya", "Oleshnya", at: 37.5, 51.0, country: "UA", aliases: ["Oleshnia"]),
        ])
    }

    @Test(arguments: [
        ("Ivanovka (Sudzhansky district)", nil, "ivanovka-2"), ("Ivanovka (sudzhansky-district)", nil, "ivanovka-2"),
        ("Ivanovka", "Sudzhansky", "ivanovka-2"), ("Ivanovka (Sudzhansky raion)", nil, "ivanovka-2"),
    ])
    func parentTellsNamesakesApart(written: String, parent: String?, id: String) throws {
        let g = try Self.gazetteer()
        #expect(try g.resolve(written, parent: parent) == .found(try #require(g.place(id: id)), route: .direct))
    }

    @Test func theOneInsideTheTerritoryWins() throws {
        let g = try Self.gazetteer()
        let territory = try Territory(places: [Self.home])
        #expect(
            try g.resolve("Petrovka", territory: territory)
                == .found(try #require(g.place(id: "petrovka-2")), route: .direct))
        // None inside: the only one within reach (21 km east of the territory) wins.
        #expect(
            try g.resolve("Nikolskoye", territory: territory)
                == .found(try #require(g.place(id: "nikolskoye")), route: .direct))
        guard case .ambiguous(let far) = try g.resolve("Nikolskoye", territory: territory, reachMeters: 10_000) else {
            Issue.record("expected ambiguity beyond a reach of 10 km")
            return
        }
        #expect(far.map(\.place.id) == ["nikolskoye", "nikolskoye-2"])
        #expect(far.map { $0.distanceMeters.map { ($0 / 1000).rounded() } } == [21, 600])
    }

    /// A slug id is not a name: the first Ivanovka imported must not win because it got "ivanovka".
    @Test func stillAmbiguousListsCandidatesByDistance() throws {
        let g = try Self.gazetteer()
        let territory = try Territory(places: [Self.home])
        guard case .ambiguous(let candidates) = try g.resolve("Ivanovka", territory: territory) else {
            Issue.record("expected ambiguity")
            return
        }
        #expect(candidates.map(\.place.id) == ["ivanovka-2", "ivanovka-3", "ivanovka"])
        #expect(candidates.map { $0.distanceMeters.map { ($0 / 1000).rounded() } } == [0, 0, 671])
        guard case .notInParent(let parent, let all) = try g.resolve("Ivanovka (Nowhere)") else {
            Issue.record("expected no place in the parent")
            return
        }
        #expect(parent == "Nowhere")
        #expect(all.map(\.id) == ["ivanovka", "ivanovka-2", "ivanovka-3"])
    }

    @Test(arguments: [
        ("Oleshnya", MatchRoute.direct), ("OLESHNYA", .direct), ("Oleshnia", .aliasOrLevelling),
        ("Oleschnja", .aliasOrLevelling), ("oleshnya", .direct),
    ])
    func routeSaysHowTheNameMatched(written: String, route: MatchRoute) throws {
        let g = try Self.gazetteer()
        #expect(try g.resolve(written) == .found(try #require(g.place(id: "oleshnya")), route: route))
    }
}
