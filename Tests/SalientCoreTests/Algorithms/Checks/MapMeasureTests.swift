import Foundation
import Testing

@testable import SalientCore

@Suite struct MapMeasureTests {
    let w: CheckWorld
    /// Two boxes side by side at 51°N: ground held, and the grey zone east of it.
    static func box(west: Double, east: Double) -> MultiPolygon<LonLat> {
        MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: west, lat: 51), LonLat(lon: east, lat: 51), LonLat(lon: east, lat: 51.1),
                LonLat(lon: west, lat: 51.1), LonLat(lon: west, lat: 51),
            ])
        ])
    }
    let held = box(west: 35.9, east: 36.1)
    let grey = box(west: 36.1, east: 36.3)

    init() throws { w = try CheckWorld() }

    func layer(_ category: String, _ definition: MapLayerDefinition, _ geometry: MultiPolygon<LonLat>) -> MapLayer {
        MapLayer(
            category: category, definition: definition, geometry: geometry,
            areaSquareKilometers: w.world.geodesic.area(of: geometry) / 1e6)
    }

    func map(_ id: String, _ asOf: String, _ layers: [MapLayer]) -> ReferenceMap {
        ReferenceMap(id: id, title: "", source: "test", asOf: day(asOf), file: "", layers: layers, repairs: [])
    }

    func match(_ claim: Claim, _ maps: [ReferenceMap]) throws -> (atOrBefore: MapMatch?, after: MapMatch?) {
        let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
        return try MapMeasure.match(claim, claimed, in: try w.context(maps: maps))
    }

    /// The case: an "advanced over" claim is judged against liberated + grey, not the
    /// liberated-only map that comes first by id; a held-ground claim against liberated only.
    @Test func claimsAreMatchedByDefinitionNotByIDOrder() throws {
        let maps = [
            map("a-liberated-only", "2024-08-09", [layer("liberated", .controlled, held)]),
            map(
                "b-deepstate", "2024-08-09",
                [
                    layer("geoJSON.status.liberated", .controlled, held),
                    layer("geoJSON.status.unknown", .greyZone, grey),
                ]),
        ]
        let heldArea = w.world.geodesic.area(of: held) / 1e6
        let both = heldArea + w.world.geodesic.area(of: grey) / 1e6
        for definition in [ClaimDefinition.advancedOver, .controlledPlusContested] {
            let claim = w.claim("c", definition, .single(300), .squareKilometers, quantity: .area)
            let match = try #require(try match(claim, maps).atOrBefore)
            #expect(match.map.id == "b-deepstate" && match.daysBefore == 1)
            #expect(match.layers.map(\.definition) == [.controlled, .greyZone])
            // The boxes share an edge, so their union is their two areas (about 156 km² each).
            #expect(abs(match.areaSquareKilometers - both) < 1e-6)
            #expect(match.judgement.verdict == .consistent)  // 300 against 312.5 km² ± 10 %
        }
        let controlled = w.claim("h", .controlled, .single(300), .squareKilometers, quantity: .area)
        let heldMatch = try #require(try match(controlled, maps).atOrBefore)
        #expect(heldMatch.map.id == "a-liberated-only" && heldMatch.areaSquareKilometers == heldArea)
        #expect(heldMatch.judgement.verdict == .overstated)
        #expect(heldMatch.ratio == 300 / heldArea)
        // A map of grey zone alone measures no claim.
        let greyOnly = [map("g", "2024-08-09", [layer("unknown", .greyZone, grey)])]
        #expect(try match(claim("x", .advancedOver), greyOnly).atOrBefore == nil)
    }

    func claim(_ id: String, _ definition: ClaimDefinition, asOf: String = "2024-08-10") -> Claim {
        w.claim(id, definition, .single(300), .squareKilometers, quantity: .area, asOf: asOf)
    }

    /// The latest map at or before the claim's day, and the first later one within two days.
    @Test func theNextMapWithinTwoDaysIsReportedToo() throws {
        let maps = [
            map("before", "2024-08-08", [layer("held", .controlled, held)]),
            map("far", "2024-08-13", [layer("held", .controlled, held)]),
            map("next", "2024-08-12", [layer("held", .controlled, held)]),
            map("older", "2024-08-07", [layer("held", .controlled, held)]),
        ]
        let matched = try match(claim("c", .controlled), maps)
        #expect(matched.atOrBefore?.map.id == "before" && matched.atOrBefore?.daysBefore == 2)
        #expect(matched.after?.map.id == "next" && matched.after?.daysBefore == -2)
        let onlyFar = try match(claim("c", .controlled), [maps[1]])
        #expect(onlyFar.atOrBefore == nil && onlyFar.after == nil)
        let early = try match(claim("e", .controlled, asOf: "2024-08-06"), maps)
        #expect(early.atOrBefore == nil && early.after?.map.id == "older")
    }

    /// Each layer is an outline of its own; a map after the timeline's last day is measured
    /// beside the estimate of that day (the last state, carried on).
    @Test func eachMapIsMeasuredBesideTheEstimateOfItsDayWithItsOutline() throws {
        let maps = [
            map("late", "2024-09-30", [layer("held", .controlled, held), layer("grey", .greyZone, grey)]),
            map("old", "2024-08-08", [layer("held", .controlled, held)]),
        ]
        let context = try w.context(maps: maps)
        let (measured, geometry) = try MapMeasure.measure(in: context)
        #expect(measured.map(\.map.id) == ["old", "late"])
        #expect(measured[0].estimateTotalSquareKilometers == 0)
        #expect(measured[1].estimateControlledSquareKilometers > 46)
        let outlines = geometry.areas.filter { $0.role == "map" }
        #expect(
            outlines.map(\.label) == ["old: held (controlled)", "late: held (controlled)", "late: grey (grey_zone)"])
        #expect(geometry.areas.allSatisfy { $0.claimIDs.isEmpty })
        // By shape: the old map has only held ground, the late one both layers; the estimate of
        // 8 August is empty, so all of the old map lies outside it.
        #expect(measured[0].shapes.map(\.definition) == [.controlled])
        #expect(measured[0].shapes[0].intersectionOverUnion == 0)
        #expect(measured[1].shapes.map(\.definition) == [.controlled, .controlledPlusContested])
        let differences = geometry.areas.filter { $0.role != "map" }
        #expect(differences.contains { $0.label == "old: controlled, the map outside the estimate" })
        #expect(differences.allSatisfy { ["estimate_outside_map", "map_outside_estimate"].contains($0.role) })
    }
}
