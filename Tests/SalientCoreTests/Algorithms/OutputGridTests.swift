import Foundation
import Testing

@testable import SalientCore

@Suite struct OutputGridTests {
    /// What a reader of the export gets back: the geometry as GeoJSONWriter prints it (split at
    /// ±180°, each coordinate with C's "%.6f", repeated vertices dropped, collapsed rings left
    /// out), parsed again.
    static func asWritten(_ multi: MultiPolygon<LonLat>, geos: GEOSContext) throws -> MultiPolygon<LonLat> {
        func printed(_ value: Double) -> Double { Double(String(format: "%.6f", value))! }
        func ring(_ points: [LonLat]) -> [LonLat]? {
            var kept: [LonLat] = []
            for p in points {
                let r = LonLat(lon: printed(p.lon), lat: printed(p.lat))
                if kept.last != r { kept.append(r) }
            }
            return kept.count >= 4 && kept.first == kept.last ? kept : nil
        }
        let split = try AntimeridianSplit.split(multi, context: geos)
        return MultiPolygon(
            split.polygons.compactMap { polygon in
                ring(polygon.exterior).map { Polygon(exterior: $0, holes: polygon.holes.compactMap(ring)) }
            })
    }

    static func lonLatPlane(_ multi: MultiPolygon<LonLat>) -> MultiPolygon<PlanarPoint> {
        multi.mapRings { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } }
    }

    static let cases: [(Sector, JoinMethod, Bool)] = Sector.all.flatMap { sector in
        [JoinMethod.hull, .corridors, .concave, .cells].flatMap { join in [(sector, join, false), (sector, join, true)]
        }
    }

    /// Over generated fronts in every sector and with every join, advancing and receding, every
    /// polygon as written (parsed back from the printed coordinates) is valid in GEOS, alone and
    /// within its MultiPolygon, lies within ±180°, is exactly the tier's geometry, and its
    /// geodesic area prints as the tier's `area_km2` does; a receding front shrinks on some day,
    /// an advancing one joined by `hull` or `corridors` never does.
    @Test(arguments: cases)
    func everyWrittenPolygonIsValidAndMeasuredAsWritten(sector: Sector, join: JoinMethod, receding: Bool) throws {
        let geos = try GEOSContext()
        let geodesic = try Geodesic.wgs84()
        var polygons = 0
        var shrinkingDays = 0
        for seed in UInt64(1)...12 {
            let front = GeneratedFront(sector: sector, seed: seed, join: join, geodesic: geodesic, receding: receding)
            let estimator = try front.estimator(geos: geos, bounds: true)
            var previous: Double?
            for estimate in try estimator.estimates(for: front.days) {
                let total = estimate.controlled.areaSquareKilometers + estimate.contested.areaSquareKilometers
                if let previous, total < previous { shrinkingDays += 1 }
                previous = total
                // A chunk of days starting here computes it from scratch, and must write the same.
                if receding {
                    let alone = try estimator.estimate(asOf: estimate.asOf) == estimate
                    #expect(alone, "seed \(seed), \(estimate.asOf)")
                }
                // The range holds the estimate: certain ground inside the controlled tier, and
                // both tiers inside what the reports leave open.
                let lower = try #require(estimate.lowerBound).areaSquareKilometers
                let upper = try #require(estimate.upperBound).areaSquareKilometers
                #expect(lower <= estimate.controlled.areaSquareKilometers * (1 + 1e-6) + 1e-6, "seed \(seed)")
                #expect(upper >= total * (1 - 1e-6) - 1e-6, "seed \(seed), \(upper) < \(total)")
                // The places fought over add to the certain ground, within what is left open.
                let reported = try #require(estimate.reportedBound).areaSquareKilometers
                #expect(reported >= lower * (1 - 1e-6) - 1e-6, "seed \(seed), \(reported) < \(lower)")
                #expect(reported <= upper * (1 + 1e-6) + 1e-6, "seed \(seed), \(reported) > \(upper)")
                for bound in [estimate.lowerBound, estimate.reportedBound, estimate.upperBound].compactMap({ $0 }) {
                    let whole = try geos.multiPolygon(Self.lonLatPlane(bound.geometry)).invalidityReason()
                    #expect(whole == nil, "seed \(seed), \(estimate.asOf): \(whole ?? "")")
                }
                for tier in estimate.tiers {
                    let label = "\(sector), \(join), receding \(receding), seed \(seed), \(estimate.asOf), \(tier.tier)"
                    let written = try Self.asWritten(tier.geometry, geos: geos)
                    let unchanged = written == tier.geometry
                    #expect(unchanged, "printing changes the geometry: \(label)")
                    for polygon in written.polygons {
                        polygons += 1
                        let shape = try geos.polygon(polygon.mapPoints { PlanarPoint(x: $0.lon, y: $0.lat) })
                        let reason = try shape.invalidityReason()
                        #expect(reason == nil, "\(label): \(reason ?? "")")
                        let inRange = polygon.rings.allSatisfy { $0.allSatisfy { (-180...180).contains($0.lon) } }
                        #expect(inRange, "\(label)")
                    }
                    let whole = try geos.multiPolygon(Self.lonLatPlane(written)).invalidityReason()
                    #expect(whole == nil, "\(label): \(whole ?? "")")
                    let measured = geodesic.area(of: written) / 1e6
                    let printed = String(format: "%.3f", tier.areaSquareKilometers)
                    #expect(String(format: "%.3f", measured) == printed, "\(label)")
                }
            }
        }
        #expect(polygons > 50)
        // A concave hull is not monotone in its points (a new place can move the ratio's length
        // threshold), and a report of fighting in an unknown cell between held ones takes it
        // from the controlled tier, so only the convex joins never shrink while a front advances.
        if receding {
            #expect(shrinkingDays >= 6)
        } else if join != .concave, join != .cells {
            #expect(shrinkingDays == 0)
        }
    }

    /// Snapping puts every vertex on the 1e-6° grid so that printing reproduces it exactly, and
    /// keeps a shape whose vertices round onto one another valid instead of spiked.
    @Test func snappedVerticesPrintExactly() throws {
        let geos = try GEOSContext()
        // A thin wedge whose tip rounds across its own edge at 6 decimals.
        let ring = [
            LonLat(lon: 35.0000004, lat: 51.0000004), LonLat(lon: 35.1, lat: 51.0000006),
            LonLat(lon: 35.0000016, lat: 51.0000001), LonLat(lon: 35.0000004, lat: 51.0000004),
        ]
        let snapped = try OutputGrid.polygons(MultiPolygon([Polygon(exterior: ring)]), context: geos)
        #expect(try Self.asWritten(snapped, geos: geos) == snapped)
        #expect(try geos.multiPolygon(Self.lonLatPlane(snapped)).invalidityReason() == nil)
    }
}
