import Foundation
import SalientTestSupport
import Testing

@testable import SalientCore

@Suite struct LocalMetricProjectionTests {
    @Test func centreOfPointsAcrossTheAntimeridianIsNearIt() {
        let p = LocalMetricProjection(centeredOn: [LonLat(lon: 179.5, lat: -16), LonLat(lon: -179.5, lat: -17)])
        #expect(abs(abs(p.center.lon) - 180) < 0.01)
        #expect(abs(p.center.lat - -16.5) < 0.01)
    }

    @Test func centreOfKurskPointsIsBetweenThem() {
        let p = LocalMetricProjection(centeredOn: [Fixtures.sudzha, Fixtures.kursk])
        #expect(p.center.lon > 35.271 && p.center.lon < 36.185)
        #expect(p.center.lat > 51.191 && p.center.lat < 51.727)
    }

    /// Forward then inverse returns to within 1e-7 degrees, anywhere.
    @Test(arguments: [LonLat(lon: 35.5, lat: 51.4), LonLat(lon: -68.3, lat: -60.2), LonLat(lon: 179.9, lat: -16.5)])
    func roundTrip(center: LonLat) throws {
        let projector = try LocalMetricProjection(center: center).makeProjector(context: PROJContext())
        let points = [
            center, LonLat(lon: center.lon + 0.7, lat: center.lat - 0.4),
            LonLat(lon: center.lon - 0.3, lat: center.lat + 0.2),
        ]
        let back = try projector.unproject(projector.project(points))
        for (a, b) in zip(points, back) {
            #expect(abs(a.lat - b.lat) < 1e-7)
            #expect(abs(remainder(a.lon - b.lon, 360)) < 1e-7)
        }
    }

    /// Distances from the centre are exact in an azimuthal equidistant projection.
    @Test func distanceFromCentreMatchesGeodesic() throws {
        let g = try Fixtures.geodesic()
        let projector = try LocalMetricProjection(center: Fixtures.sudzha).makeProjector(context: PROJContext())
        let p = try projector.project(Fixtures.kursk)
        let c = try projector.project(Fixtures.sudzha)
        let planar = ((p.x - c.x) * (p.x - c.x) + (p.y - c.y) * (p.y - c.y)).squareRoot()
        #expect(abs(planar - g.distance(Fixtures.sudzha, Fixtures.kursk)) < 0.01)
    }

    @Test func badCRSIsAPROJError() throws {
        let context = try PROJContext()
        #expect(throws: PROJError.self) {
            try Transformation(context: context, from: "EPSG:4326", to: "+proj=nonsense")
        }
    }
}

@Suite struct LocalMetricOperationTests {
    /// Over centres from pole to pole and round the antimeridian, and points up to 3,000 km
    /// from each, the operation made from its PROJ string projects and unprojects every point
    /// to the bit as the one `proj_create_crs_to_crs` finds from EPSG:4326 to the definition.
    @Test func theWrittenOperationIsTheOneFoundBetweenTheCRSs() throws {
        let context = try PROJContext()
        var generator = SeededGenerator(seed: 31)
        var compared = 0
        let centres =
            [LonLat(lon: 35.6, lat: 51.3), LonLat(lon: 180, lat: 65), LonLat(lon: -179.999999, lat: -34)]
            + (0..<60).map { _ in
                LonLat(
                    lon: Double.random(in: -180...180, using: &generator),
                    lat: Double.random(in: -89...89, using: &generator))
            }
        for centre in centres {
            let projection = LocalMetricProjection(center: centre)
            let found = try Transformation(context: context, from: "EPSG:4326", to: projection.definition)
            let written = try projection.makeProjector(context: context).transformation
            let positions = (0..<200).map { _ in
                LonLat(
                    lon: centre.lon + Double.random(in: -20...20, using: &generator),
                    lat: min(89.9, max(-89.9, centre.lat + Double.random(in: -20...20, using: &generator))))
            }
            var (x1, y1) = (positions.map(\.lon), positions.map(\.lat))
            var (x2, y2) = (x1, y1)
            try found.transform(&x1, &y1, forward: true)
            try written.transform(&x2, &y2, forward: true)
            #expect(x1 == x2 && y1 == y2, "forward, centre \(centre)")
            try found.transform(&x1, &y1, forward: false)
            try written.transform(&x2, &y2, forward: false)
            #expect(x1 == x2 && y1 == y2, "inverse, centre \(centre)")
            compared += positions.count
        }
        #expect(compared == 63 * 200)
    }
}
