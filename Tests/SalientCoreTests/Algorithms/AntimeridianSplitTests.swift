import Testing

@testable import SalientCore

@Suite struct AntimeridianSplitTests {
    @Test func shapeAcrossTheAntimeridianIsSplitWithItsAreaKept() throws {
        let geos = try GEOSContext()
        let g = try Fixtures.geodesic()
        let ring = [
            LonLat(lon: 179.5, lat: -17), LonLat(lon: 180.5, lat: -17), LonLat(lon: 180.5, lat: -16),
            LonLat(lon: 179.5, lat: -16), LonLat(lon: 179.5, lat: -17),
        ]
        let split = try AntimeridianSplit.split(MultiPolygon([Polygon(exterior: ring)]), context: geos)
        #expect(split.polygons.count == 2)
        #expect(split.polygons.allSatisfy { $0.exterior.allSatisfy { (-180...180).contains($0.lon) } })
        // The cut adds vertices on ±180°, and geodesic edges through them differ slightly from
        // the original edge along the parallel: 1e-4 is far above that and far below any real loss.
        #expect(abs(g.area(of: split) - g.area(ofRing: ring)) / g.area(ofRing: ring) < 1e-4)
    }

    @Test func shapeWithinRangeIsUntouched() throws {
        let geos = try GEOSContext()
        let ring = [
            LonLat(lon: 35, lat: 51), LonLat(lon: 36, lat: 51), LonLat(lon: 36, lat: 52), LonLat(lon: 35, lat: 51),
        ]
        let multi = MultiPolygon([Polygon(exterior: ring)])
        #expect(try AntimeridianSplit.split(multi, context: geos) == multi)
    }
}
