import Foundation
import Testing

@testable import SalientCore

@Suite struct GeodesicTests {
    @Test func ellipsoidComesFromPROJ() throws {
        let g = try Fixtures.geodesic()
        #expect(g.semiMajorAxis == 6_378_137)
        #expect(abs(1 / g.flattening - 298.257223563) < 1e-9)
    }

    /// Along the equator a geodesic is the equator itself: 1° is a·π/180.
    @Test func equatorialDegree() throws {
        let g = try Fixtures.geodesic()
        let d = g.distance(LonLat(lon: 10, lat: 0), LonLat(lon: 11, lat: 0))
        #expect(abs(d - 6_378_137 * Double.pi / 180) < 1e-6)
    }

    /// The WGS 84 meridian quadrant, equator to pole: 10 001 965.729 m (a standard constant).
    @Test func meridianQuadrant() throws {
        let g = try Fixtures.geodesic()
        #expect(abs(g.distance(LonLat(lon: 0, lat: 0), LonLat(lon: 0, lat: 90)) - 10_001_965.729) < 0.001)
    }

    /// The octant bounded by the equator and two meridians 90° apart is 1/8 of the ellipsoid's
    /// surface, 510 065 621.724 km² for WGS 84.
    @Test func octantArea() throws {
        let g = try Fixtures.geodesic()
        let octant = [LonLat(lon: 0, lat: 0), LonLat(lon: 90, lat: 0), LonLat(lon: 0, lat: 90), LonLat(lon: 0, lat: 0)]
        #expect(abs(g.area(ofRing: octant) / 1e6 - 510_065_621.724 / 8) < 0.01)
    }

    @Test func areaIgnoresOrientationAndSubtractsHoles() throws {
        let g = try Fixtures.geodesic()
        let outer = [
            LonLat(lon: 35, lat: 51), LonLat(lon: 36, lat: 51), LonLat(lon: 36, lat: 52), LonLat(lon: 35, lat: 52),
            LonLat(lon: 35, lat: 51),
        ]
        let inner = [
            LonLat(lon: 35.2, lat: 51.2), LonLat(lon: 35.2, lat: 51.4), LonLat(lon: 35.4, lat: 51.4),
            LonLat(lon: 35.4, lat: 51.2), LonLat(lon: 35.2, lat: 51.2),
        ]
        #expect(g.area(ofRing: outer) == g.area(ofRing: outer.reversed()))
        let withHole = MultiPolygon([Polygon(exterior: outer, holes: [inner])])
        #expect(abs(g.area(of: withHole) - (g.area(ofRing: outer) - g.area(ofRing: inner))) < 1e-6)
    }

    @Test func directThenInverseReturns() throws {
        let g = try Fixtures.geodesic()
        let there = g.direct(from: Fixtures.sudzha, azimuth: 45, meters: 16_000)
        let back = g.inverse(Fixtures.sudzha, there)
        #expect(abs(back.meters - 16_000) < 1e-6)
        #expect(abs(back.azimuth1 - 45) < 1e-9)
    }
}
