import Foundation
import Testing

@testable import SalientCore

@Suite struct LonLatGeometryTests {
    private func ring(_ corners: [(Double, Double)]) -> [LonLat] {
        let points = corners.map { LonLat(lon: $0.0, lat: $0.1) }
        return points + [points[0]]
    }

    private var bowTie: MultiPolygon<LonLat> {
        MultiPolygon([Polygon(exterior: ring([(0, 0), (2, 2), (2, 0), (0, 2)]))])
    }

    @Test func bowTieIsInvalidWithItsCrossingNamed() throws {
        let reason = try #require(try bowTie.invalidityReason())
        #expect(reason.hasPrefix("Self-intersection"))
        #expect(reason.contains("1 1"))
        #expect(try !bowTie.isValid)
    }

    @Test func squareIsValid() throws {
        let square = MultiPolygon([Polygon(exterior: ring([(0, 0), (1, 0), (1, 1), (0, 1)]))])
        #expect(try square.invalidityReason() == nil)
        #expect(try square.isValid)
    }

    /// A bow-tie repaired is its two triangles, each of half the unit square's planar area.
    @Test func repairedBowTieIsTwoTriangles() throws {
        let repaired = try bowTie.madeValid()
        #expect(try repaired.isValid)
        #expect(repaired.polygons.count == 2)
        for triangle in repaired.polygons {
            #expect(triangle.exterior.count == 4)
            #expect(abs(Self.shoelace(triangle.exterior)) == 1)
        }
    }

    @Test func unionCountsOverlapOnce() throws {
        let a = MultiPolygon([Polygon(exterior: ring([(0, 0), (2, 0), (2, 2), (0, 2)]))])
        let b = MultiPolygon([Polygon(exterior: ring([(1, 1), (3, 1), (3, 3), (1, 3)]))])
        let union = try MultiPolygon.union([a, b])
        #expect(union.polygons.count == 1)
        #expect(abs(Self.shoelace(union.polygons[0].exterior)) == 7)
        #expect(try MultiPolygon.union([]).isEmpty)
    }

    @Test func representativePointLiesInsideAnLShape() throws {
        let l = MultiPolygon([Polygon(exterior: ring([(0, 0), (3, 0), (3, 1), (1, 1), (1, 3), (0, 3)]))])
        let point = try l.representativePoint()
        let inside =
            (0...3).contains(point.lon) && (0...1).contains(point.lat)
            || (0...1).contains(point.lon) && (0...3).contains(point.lat)
        #expect(inside)
        let line = MultiLineString([[LonLat(lon: 10, lat: 5), LonLat(lon: 12, lat: 5)]])
        let onLine = try line.representativePoint()
        #expect(onLine.lat == 5 && (10...12).contains(onLine.lon))
    }

    /// A box from 179° to 181° comes out as two boxes of 1° each, within [-180, 180], with the
    /// same geodesic area. Its edges have vertices at 180° already: a cut elsewhere adds points on
    /// the straight lon/lat edge, which a geodesic edge does not pass through.
    @Test func boxAcrossTheAntimeridianIsSplitThere() throws {
        let box = MultiPolygon([
            Polygon(exterior: ring([(179, -17), (180, -17), (181, -17), (181, -16), (180, -16), (179, -16)]))
        ])
        let split = try box.splitAtAntimeridian()
        #expect(split.polygons.count == 2)
        let longitudes = split.polygons.flatMap { $0.exterior.map(\.lon) }
        #expect(longitudes.allSatisfy { (-180...180).contains($0) })
        #expect(Set(longitudes) == [179, 180, -180, -179])
        let geodesic = try Geodesic.wgs84()
        let before = box.geodesicArea(on: geodesic)
        let after = split.geodesicArea(on: geodesic)
        #expect(abs(after - before) / before < 1e-9)
        #expect(
            try MultiPolygon([Polygon(exterior: ring([(10, 0), (11, 0), (11, 1)]))]).splitAtAntimeridian().polygons
                .count == 1)
    }

    /// The triangle pole–(0°, 0°)–(90°, 0°) has geodesic edges (two meridians and the equator), so
    /// its area is exactly an eighth of the ellipsoid's: S = 2πa²(1 + (1 − e²)/e · atanh e).
    @Test func octantHasAnEighthOfTheEllipsoidsArea() throws {
        let geodesic = try Geodesic.wgs84()
        let a = 6_378_137.0
        let f = 1 / 298.257223563
        let e = (f * (2 - f)).squareRoot()
        let surface = 2 * Double.pi * a * a * (1 + (1 - e * e) / e * atanh(e))
        let octant = MultiPolygon([Polygon(exterior: ring([(0, 0), (90, 0), (0, 90)]))])
        #expect(abs(octant.geodesicArea(on: geodesic) - surface / 8) < 1)
        // A hole is taken away: the octant less a smaller octant-shaped triangle inside it.
        let hole = ring([(10, 10), (10, 20), (20, 10)])
        let holed = MultiPolygon([Polygon(exterior: octant.polygons[0].exterior, holes: [hole])])
        let holeArea = MultiPolygon([Polygon(exterior: hole)]).geodesicArea(on: geodesic)
        #expect(abs(holed.geodesicArea(on: geodesic) - (surface / 8 - holeArea)) < 1)
    }

    /// A quarter of the equator, and a meridian from the equator to the pole, against their
    /// closed forms: a·π/2, and the meridian quadrant a(1 − e²)·Π(e²) ≈ 10,001,965.729 m.
    @Test func lengthsAlongTheEquatorAndAMeridian() throws {
        let geodesic = try Geodesic.wgs84()
        let equator = MultiLineString([[LonLat(lon: 0, lat: 0), LonLat(lon: 45, lat: 0), LonLat(lon: 90, lat: 0)]])
        #expect(abs(equator.geodesicLength(on: geodesic) - 6_378_137 * Double.pi / 2) < 1e-6)
        let meridian = MultiLineString([[LonLat(lon: 30, lat: 0), LonLat(lon: 30, lat: 90)]])
        #expect(abs(meridian.geodesicLength(on: geodesic) - 10_001_965.729) < 0.001)
    }

    @Test func lineValidity() throws {
        let valid = MultiLineString([[LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 1)]])
        #expect(try valid.invalidityReason() == nil)
    }

    private static func shoelace(_ ring: [LonLat]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + ($1.0.lon * $1.1.lat - $1.1.lon * $1.0.lat) } / 2
    }
}
