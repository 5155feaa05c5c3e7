import Foundation
import Testing

@testable import SalientCore

@Suite struct BufferTests {
    /// A 5 km buffer round a point, computed in a projection centred on the point, has the
    /// geodesic area πr² gives, within 0.1 %: at Kursk, at 60°S and on the antimeridian.
    @Test(arguments: [
        Fixtures.kursk, LonLat(lon: -45, lat: -60), LonLat(lon: 180, lat: -16.5), LonLat(lon: -179.99, lat: 65),
    ])
    func fiveKilometreBufferHasCircleArea(at center: LonLat) throws {
        let geos = try GEOSContext()
        let projector = try LocalMetricProjection(center: center).makeProjector(context: PROJContext())
        let disc = try geos.point(projector.project(center)).buffered(byMeters: 5_000).polygons()
        let lonLat = try projector.unproject(disc)
        let area = try Fixtures.geodesic().area(of: lonLat)
        let expected = Double.pi * 5_000 * 5_000
        #expect(abs(area - expected) / expected < 0.001)
    }

    @Test func bufferContainsItsInput() throws {
        let geos = try GEOSContext()
        let square = try geos.polygon(Polygon(exterior: Fixtures.square(x: 0, y: 0, side: 1_000)))
        let grown = try square.buffered(byMeters: 10)
        #expect(try grown.contains(square))
        #expect(try grown.planarArea() > square.planarArea())
    }

    @Test func unionAreaIsAtMostTheSum() throws {
        let geos = try GEOSContext()
        let a = try geos.polygon(Polygon(exterior: Fixtures.square(x: 0, y: 0, side: 10)))
        let b = try geos.polygon(Polygon(exterior: Fixtures.square(x: 5, y: 5, side: 10)))
        #expect(abs(try a.union(b).planarArea() - 175) < 1e-9)
        #expect(abs(try a.intersection(b).planarArea() - 25) < 1e-9)
        #expect(abs(try a.difference(b).planarArea() - 75) < 1e-9)
        #expect(abs(try geos.collection(of: [a, b]).unaryUnion().planarArea() - 175) < 1e-9)
    }

    @Test func polygonsComeOutRightHanded() throws {
        let geos = try GEOSContext()
        let clockwise = Array(Fixtures.square(x: 0, y: 0, side: 10).reversed())
        let polygon = try geos.polygon(Polygon(exterior: clockwise, holes: [Fixtures.square(x: 2, y: 2, side: 2)]))
        let out = try polygon.polygons().polygons[0]
        #expect(try geos.oriented(out.exterior, counterClockwise: true) == out.exterior)
        #expect(try geos.oriented(out.holes[0], counterClockwise: false) == out.holes[0])
    }

    @Test func nearestPointsAndDistance() throws {
        let geos = try GEOSContext()
        let line = try geos.lineString([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0)])
        let point = try geos.point(PlanarPoint(x: 30, y: 40))
        #expect(try point.distance(to: line) == 40)
        let (onPoint, onLine) = try point.nearestPoints(to: line)
        #expect(onPoint == PlanarPoint(x: 30, y: 40))
        #expect(onLine == PlanarPoint(x: 30, y: 0))
    }

    @Test func preparedDistanceEqualsPlainDistance() throws {
        let geos = try GEOSContext()
        let border = try geos.multiLineString(
            MultiLineString([
                [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 100, y: 0), PlanarPoint(x: 100, y: 100)],
                [PlanarPoint(x: -50, y: 10), PlanarPoint(x: -50, y: 90)],
            ]))
        let prepared = try PreparedGEOSObject(border)
        for (x, y, expected) in [(30.0, 40.0, 40.0), (130, 50, 30), (-60, 50, 10), (-50, 95, 5), (100, 0, 0)] {
            let point = try geos.point(PlanarPoint(x: x, y: y))
            #expect(try prepared.distance(to: point) == expected)
            #expect(try prepared.distance(to: point) == point.distance(to: border))
        }
    }

    @Test func envelopeSpansEveryPart() throws {
        let geos = try GEOSContext()
        let parts = try geos.collection(of: [
            geos.polygon(Polygon(exterior: Fixtures.square(x: -20, y: 5, side: 10))),
            geos.polygon(Polygon(exterior: Fixtures.square(x: 40, y: -30, side: 5))),
        ])
        let box = try parts.envelope()
        #expect(box.x == -20...45)
        #expect(box.y == -30...15)
    }

    @Test func identicalMeansTheSameCoordinates() throws {
        let geos = try GEOSContext()
        let square = try geos.polygon(Polygon(exterior: Fixtures.square(x: 0, y: 0, side: 10)))
        let reversed = try geos.polygon(Polygon(exterior: Array(Fixtures.square(x: 0, y: 0, side: 10).reversed())))
        let nudged = try geos.polygon(Polygon(exterior: Fixtures.square(x: 0, y: 0, side: 10.000_000_001)))
        #expect(try square.normalized().isIdentical(to: square.normalized()))
        #expect(try square.normalized().isIdentical(to: reversed.normalized()))
        #expect(try !square.normalized().isIdentical(to: nudged.normalized()))
    }
}
