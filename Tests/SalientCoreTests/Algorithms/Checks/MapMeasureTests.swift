import Foundation
import Testing

@testable import SalientCore

@Suite struct MapMeasureTests {
    let w: CheckWorld
    let box = MultiPolygon([
        Polygon(exterior: [
            LonLat(lon: 35.9, lat: 51), LonLat(lon: 36.1, lat: 51),
            LonLat(lon: 36.1, lat: 51.1), LonLat(lon: 35.9, lat: 51.1),
            LonLat(lon: 35.9, lat: 51),
        ])
    ])

    init() throws { w = try CheckWorld() }

    func map(_ id: String, _ asOf: String, _ depicts: ClaimDefinition) -> ReferenceMap {
        ReferenceMap(
            id: id, title: "", source: "test", asOf: day(asOf), depicts: depicts, file: "", geometry: box,
            areaSquareKilometers: w.world.geodesic.area(of: box) / 1e6, repairs: [])
    }

    var maps: [ReferenceMap] {
        [
            map("later", "2024-08-11", .controlled), map("old", "2024-08-08", .controlled),
            map("total", "2024-08-09", .controlledPlusContested), map("held", "2024-08-09", .controlled),
        ]
    }

    /// The latest map of the claim's day or before, preferring one of what the claim means.
    @Test func aClaimIsMatchedWithTheLatestMapOfWhatItMeans() throws {
        for (definition, expected) in [(ClaimDefinition.controlled, "held"), (.controlledPlusContested, "total")] {
            let claim = w.claim("c", definition, .single(300), .squareKilometers, quantity: .area)
            let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
            let match = try #require(MapMeasure.match(claim, claimed, maps: maps))
            #expect(match.map.id == expected && match.daysBefore == 1)
            // About 156 km² on the map: 300 km² is beyond it and its 10 %.
            #expect(match.judgement.verdict == .overstated)
            #expect(match.ratio == 300 / match.map.areaSquareKilometers)
        }
        let early = w.claim("e", .controlled, .single(1), .squareKilometers, quantity: .area, asOf: "2024-08-07")
        #expect(MapMeasure.match(early, ClaimedInterval(low: 1, high: 1, nominal: 1), maps: maps) == nil)
    }

    @Test func eachMapIsMeasuredBesideTheEstimateOfItsDayWithItsOutline() throws {
        let (measured, geometry) = try MapMeasure.measure(in: try w.context(maps: maps))
        #expect(measured.map(\.map.id) == ["old", "held", "total", "later"])
        #expect(measured[0].estimateTotalSquareKilometers == 0)
        #expect(measured[3].estimateControlledSquareKilometers > 46)
        #expect(
            geometry.areas.map(\.label)
                == ["old: controlled", "held: controlled", "total: controlled_plus_contested", "later: controlled"])
        #expect(geometry.areas.allSatisfy { $0.role == "map" && $0.claimIDs.isEmpty && $0.geometry == box })
    }
}
