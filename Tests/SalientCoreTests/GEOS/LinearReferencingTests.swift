import Testing

@testable import SalientCore

@Suite struct LinearReferencingTests {
    /// An L-shaped line: 10 m east, then 10 m north.
    func corner(_ geos: GEOSContext) throws -> GEOSObject {
        try geos.lineString([PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 10)])
    }

    @Test func distanceAlongIsMeasuredFromTheStart() throws {
        let geos = try GEOSContext()
        let line = try corner(geos)
        #expect(try line.distanceAlong(to: geos.point(PlanarPoint(x: 4, y: -3))) == 4)
        #expect(try line.distanceAlong(to: geos.point(PlanarPoint(x: 13, y: 6))) == 16)
        #expect(try line.point(atDistanceAlong: 15) == PlanarPoint(x: 10, y: 5))
        #expect(try line.planarLength() == 20)
    }

    /// A stretch keeps the vertices inside it and is clamped to the line's ends.
    @Test func substringKeepsTheCorner() throws {
        let geos = try GEOSContext()
        let line = try corner(geos)
        #expect(
            try line.substring(fromDistance: 5, toDistance: 15)
                == [PlanarPoint(x: 5, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 5)])
        #expect(
            try line.substring(fromDistance: -5, toDistance: 3) == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 3, y: 0)])
        #expect(try line.substring(fromDistance: 25, toDistance: 30) == nil)
    }

    @Test func projectingOntoAPointFailsWithGEOSsMessage() throws {
        let geos = try GEOSContext()
        let point = try geos.point(PlanarPoint(x: 0, y: 0))
        #expect(throws: GEOSError.self) { try point.distanceAlong(to: point) }
    }
}
