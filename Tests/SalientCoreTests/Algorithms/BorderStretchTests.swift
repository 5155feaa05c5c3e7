import Foundation
import Testing

@testable import SalientCore

/// The stretch of border reported places span does not depend on where on Earth it lies.
@Suite struct BorderStretchTests {
    static let latitude = -17.0

    /// A border along `latitude` from `west` eastwards for 3°, vertices every 1/20° (180° among
    /// them when it is crossed), the territory 1.5° north of it; as RFC 7946 input has them,
    /// split at ±180°.
    static func gazetteer(
        west: Double, latitude: Double = latitude, world: SyntheticWorld,
        geos: GEOSContext
    ) throws -> Gazetteer {
        let border = (0...60).map { LonLat(lon: west + Double($0) / 20, lat: latitude) }
        let north = latitude + 1.5
        let ring = border + [LonLat(lon: west + 3, lat: north), LonLat(lon: west, lat: north), border[0]]
        let territory = try AntimeridianSplit.split(MultiPolygon([Polygon(exterior: ring)]), context: geos)
        let lines =
            west + 3 > 180
            ? [
                border.filter { $0.lon <= 180 },
                border.filter { $0.lon >= 180 }.map { LonLat(lon: $0.lon - 360, lat: $0.lat) },
            ]
            : [border]
        return try Gazetteer(places: [
            world.place(id: "north", kind: .region, geometry: .multiPolygon(territory)),
            world.place(id: "line", kind: .border, geometry: .multiLineString(MultiLineString(lines))),
        ])
    }

    /// Two villages held 8 km north of the border, 1.2° and 1.8° east of its western end.
    func stretch(west: Double) throws -> BorderStretch {
        let world = try SyntheticWorld()
        let geos = try GEOSContext()
        let places = [1.2, 1.8].map { offset in
            let onBorder = LonLat(lon: west + offset, lat: Self.latitude)
            let p = world.geodesic.direct(from: onBorder, azimuth: 0, meters: 8_000)
            return LonLat(lon: p.lon > 180 ? p.lon - 360 : p.lon, lat: p.lat)
        }
        let events = places.enumerated().map { index, place in
            world.event("held-\(index)", .control, at: place, on: .day(day("2024-08-10")))
        }
        let estimator = try ControlAreaEstimator(
            timeline: world.timeline(events),
            gazetteer: Self.gazetteer(west: west, world: world, geos: geos),
            geodesic: world.geodesic)
        return try #require(try estimator.reportedBorderStretch(asOf: day("2024-08-10"), geodesic: world.geodesic))
    }

    /// Straddling 180° (places at 179.7°E and 179.7°W) the stretch is as long as the same scenario
    /// 10° west, about 0.6° of border plus a village's radius at each end, and its written lines
    /// cover both sides of 180°, each within ±180°.
    @Test func stretchAcrossTheAntimeridianMatchesTheShiftedScenario() throws {
        let across = try stretch(west: 178.5)
        let shifted = try stretch(west: 168.5)
        let expected = 0.6 * 111.32 * cos(17 * Double.pi / 180) + 2 * 2
        #expect(abs(shifted.lengthKilometers - expected) / expected < 0.01, "\(shifted.lengthKilometers) km")
        #expect(
            abs(across.lengthKilometers - shifted.lengthKilometers) < 0.001,
            "across: \(across.lengthKilometers) km, shifted: \(shifted.lengthKilometers) km")
        let points = across.lines.flatMap { $0 }
        #expect(points.allSatisfy { (-180...180).contains($0.lon) })
        let east = across.lines.filter { $0.allSatisfy { $0.lon > 0 } }.flatMap { $0 }.map(\.lon)
        let west = across.lines.filter { $0.allSatisfy { $0.lon < 0 } }.flatMap { $0 }.map(\.lon)
        #expect(east.max() == 180 && (east.min() ?? 180) < 179.7, "\(east.min() ?? 0)…\(east.max() ?? 0)")
        #expect(west.min() == -180 && (west.max() ?? -180) > -179.7, "\(west.min() ?? 0)…\(west.max() ?? 0)")
        let geodesic = try Geodesic.wgs84()
        let written = across.lines.reduce(0) { $0 + geodesic.length(of: $1) } / 1000
        #expect(abs(written - across.lengthKilometers) < 0.01, "written lines: \(written) km")
    }
}

/// An estimate straddling 180° measures what the same estimate off 180° does.
@Suite struct AntimeridianEstimateTests {
    /// Villages held 20 km north of a border along 65°N, at 179.5°E and 179.5°W, joined in one
    /// hull whose long edges cross 180°. Cut there, the edges keep to the hull's planar edges
    /// (densified before unprojecting), not to straight lon/lat chords 100 m off them, so both
    /// tiers measure as the same scenario 10° west does.
    @Test func straddlingEstimateMeasuresAsTheShiftedOne() throws {
        func estimate(west: Double) throws -> ControlEstimate {
            let world = try SyntheticWorld()
            let geos = try GEOSContext()
            let events = [1.0, 2.0].enumerated().map { index, offset in
                let p = world.geodesic.direct(from: LonLat(lon: west + offset, lat: 65), azimuth: 0, meters: 20_000)
                let wrapped = LonLat(lon: p.lon > 180 ? p.lon - 360 : p.lon, lat: p.lat)
                return world.event("held-\(index)", .control, at: wrapped, on: .day(day("2024-08-10")))
            }
            let gazetteer = try BorderStretchTests.gazetteer(west: west, latitude: 65, world: world, geos: geos)
            let estimator = try ControlAreaEstimator(
                timeline: world.timeline(events), gazetteer: gazetteer,
                geodesic: world.geodesic)
            return try estimator.estimate(asOf: day("2024-08-10"))
        }
        let across = try estimate(west: 178.5)
        let shifted = try estimate(west: 168.5)
        #expect(across.controlled.geometry.polygons.count == 2)
        for (a, b) in zip(across.tiers, shifted.tiers) {
            #expect(
                abs(a.areaSquareKilometers - b.areaSquareKilometers) < 0.01,
                "\(a.tier): across \(a.areaSquareKilometers) km², shifted \(b.areaSquareKilometers) km²")
        }
    }
}
