import SalientCore
import SalientTestSupport
import Testing

@testable import SalientIO

@Suite struct ResolvedNamesTests {
    static func village(_ id: String, _ name: String, at lon: Double, _ lat: Double, parent: String = "") -> Place {
        Place(
            id: id, name: name, localName: "", aliases: [], kind: .village, parent: parent, country: "RU",
            geometry: .point(LonLat(lon: lon, lat: lat)),
            provenance: Provenance(
                source: "test", sourceID: "", sourceURL: "", licence: "CC0", uncertaintyMeters: 0, note: ""))
    }

    /// Namesakes that only the territory or the parent tells apart, beside a region.
    static func namesakes() throws -> (Gazetteer, Territory) {
        var region = village("home-oblast", "Home oblast", at: 0, 0)
        region.kind = .region
        region.geometry = .multiPolygon(
            MultiPolygon([
                Polygon(exterior: [
                    LonLat(lon: 35, lat: 50), LonLat(lon: 37, lat: 50), LonLat(lon: 37, lat: 52),
                    LonLat(lon: 35, lat: 52), LonLat(lon: 35, lat: 50),
                ])
            ]))
        let gazetteer = try Gazetteer(places: [
            region, village("petrovka", "Petrovka", at: 30, 46), village("petrovka-2", "Petrovka", at: 36.2, 51.2),
            village("ivanovka", "Ivanovka", at: 30, 45),
            village("ivanovka-2", "Ivanovka", at: 36, 51, parent: "home-oblast"),
            village("nikolskoye", "Nikolskoye", at: 37.3, 51.0), village("nikolskoye-2", "Nikolskoye", at: 40, 45),
        ])
        return (gazetteer, try Territory(places: [region]))
    }

    /// A name resolved once and asked for again gives what resolving it afresh gives, in the
    /// Kursk gazetteer (its names, ids and "Name (Parent)" forms) and among namesakes that the
    /// territory or a parent tells apart: with and without a parent, with no territory and
    /// with one, at two reaches, asked in a seeded order many times.
    @Test func aKeptResolutionIsTheFreshOne() throws {
        let loaded = try TimelineReaderTests.loaded.get()
        let kurskTerritory = try Territory(
            places: loaded.timeline.estimate.territoryIDs.compactMap(loaded.gazetteer.place(id:)))
        let (namesakes, home) = try Self.namesakes()
        var generator = SeededGenerator(seed: 146)
        for (gazetteer, territory) in [(loaded.gazetteer, kurskTerritory), (namesakes, home)] {
            let places = gazetteer.places.prefix(60)
            let names =
                places.map(\.name) + places.map(\.id)
                + places.filter { !$0.parent.isEmpty }.map { "\($0.name) (\($0.parent))" } + ["Nowhere at all", ""]
            let parents = [""] + Array(Set(places.map(\.parent))).sorted()
            let contexts: [(Territory?, Double)] = [(nil, 50_000), (territory, 50_000), (territory, 5_000)]
            let resolved = ResolvedNames()
            var (found, context) = (0, 0)
            for _ in 0..<3_000 {
                let name = names.randomElement(using: &generator)!
                let parent =
                    Int.random(in: 0..<4, using: &generator) == 0 ? parents.randomElement(using: &generator)! : ""
                // Long runs of one context, with changes between them.
                if Int.random(in: 0..<40, using: &generator) == 0 { context = (context + 1) % contexts.count }
                let (area, reach) = contexts[context]
                let fresh = try gazetteer.resolve(name, parent: parent, territory: area, reachMeters: reach)
                let kept = try resolved.resolution(
                    of: name, parent: parent, territory: area, reachMeters: reach, in: gazetteer)
                #expect(kept.resolution(in: gazetteer) == fresh, "\(name) / \(parent)")
                if case .found = fresh { found += 1 }
            }
            #expect(found > 1_000, "most names are found")
        }
    }
}

extension ResolvedNames.Outcome {
    /// The resolution the outcome stands for, its place read back from its index.
    func resolution(in gazetteer: Gazetteer) -> Resolution {
        switch self {
        case .found(let index, let route): return .found(gazetteer.places[index], route: route)
        case .failed(let resolution): return resolution
        }
    }
}
