import Foundation
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
