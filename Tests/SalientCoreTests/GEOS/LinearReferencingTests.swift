import SalientTestSupport
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
        let line = try ReferencedLine(corner(geos))
        #expect(
            try line.substring(fromDistance: 5, toDistance: 15)
                == [PlanarPoint(x: 5, y: 0), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 10, y: 5)])
        #expect(
            try line.substring(fromDistance: -5, toDistance: 3) == [PlanarPoint(x: 0, y: 0), PlanarPoint(x: 3, y: 0)])
        #expect(try line.substring(fromDistance: 25, toDistance: 30) == nil)
    }

    /// Over seeded wiggly lines running east (as a border does) and stretches of every kind
    /// (inside, across an end, reversed, empty), a line referenced once cuts each stretch as
    /// projecting every vertex for that stretch alone does, to the bit.
    @Test func aLineReferencedOnceCutsAsProjectingEveryVertexDoes() throws {
        let geos = try GEOSContext()
        var generator = SeededGenerator(seed: 30)
        var cut = 0
        for _ in 0..<40 {
            var x = 0.0
            let points = (0..<Int.random(in: 2...60, using: &generator)).map { _ in
                x += Double.random(in: 1...500, using: &generator)
                return PlanarPoint(x: x, y: Double.random(in: -300...300, using: &generator))
            }
            let line = try geos.lineString(points)
            let referenced = try ReferencedLine(line)
            let length = try line.planarLength()
            for _ in 0..<25 {
                let a = Double.random(in: -0.2 * length...1.2 * length, using: &generator)
                let b = Double.random(in: -0.2 * length...1.2 * length, using: &generator)
                let (from, to) = (max(0, min(a, b)), min(length, max(a, b)))
                var expected: [PlanarPoint]?
                if to > from {
                    let inside = try points.filter { vertex in
                        let along = try line.distanceAlong(to: geos.point(vertex))
                        return along > from && along < to
                    }
                    expected = [try line.point(atDistanceAlong: from)] + inside + [try line.point(atDistanceAlong: to)]
                    cut += 1
                }
                #expect(
                    try referenced.substring(fromDistance: a, toDistance: b) == expected, "\(a)...\(b) of \(length)")
            }
        }
        #expect(cut > 500)
    }

    @Test func projectingOntoAPointFailsWithGEOSsMessage() throws {
        let geos = try GEOSContext()
        let point = try geos.point(PlanarPoint(x: 0, y: 0))
        #expect(throws: GEOSError.self) { try point.distanceAlong(to: point) }
    }
}
