import Foundation
import SalientTestSupport
import Testing

@testable import SalientCore

/// The branch and bound must find what measuring every 100 m vertex finds, to the bit: the
/// same distance and the same vertex (the first one in order, when several are as deep).
@Suite struct BorderDepthTests {
    /// Every vertex measured, as the estimator did before the search.
    static func measuredEverywhere(_ lines: [[PlanarPoint]], _ distance: (PlanarPoint) throws -> Double) rethrows
        -> (distance: Double, point: PlanarPoint)?
    {
        var deepest: (distance: Double, point: PlanarPoint)?
        for vertex in lines.flatMap({ $0 }) {
            let d = try distance(vertex)
            if d > deepest?.distance ?? -1 { deepest = (d, vertex) }
        }
        return deepest
    }

    /// A wavy border along y = 0 over 200 km, and a tier north of it: discs of 2–15 km up to
    /// 60 km from it, joined, some with a hole cut, so that the boundary has several rings.
    static func generated(seed: UInt64, geos: GEOSContext) throws -> (border: GEOSObject, tier: GEOSObject) {
        var random = SeededGenerator(seed: seed)
        let phase = Double.random(in: 0..<(2 * .pi), using: &random)
        let border = (0...400).map { k in
            PlanarPoint(x: Double(k) * 500, y: 3_000 * sin(Double(k) / 25 + phase))
        }
        var discs: [GEOSObject] = []
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let centre = PlanarPoint(
                x: Double.random(in: 10_000...190_000, using: &random), y: Double.random(in: 0...60_000, using: &random)
            )
            discs.append(try geos.point(centre).buffered(byMeters: Double.random(in: 2_000...15_000, using: &random)))
        }
        var tier = try geos.collection(of: discs).unaryUnion()
        if Bool.random(using: &random) {
            let hole = PlanarPoint(
                x: Double.random(in: 10_000...190_000, using: &random), y: Double.random(in: 0...60_000, using: &random)
            )
            tier = try tier.difference(geos.point(hole).buffered(byMeters: 1_500))
        }
        return (try geos.lineString(border), try tier.normalized())
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func sameDeepestVertexAsMeasuringEveryVertex(seed: UInt64) throws {
        let geos = try GEOSContext()
        let (border, tier) = try Self.generated(seed: seed, geos: geos)
        let prepared = try PreparedGEOSObject(border)
        let lines = try tier.boundary().densified(maxSegmentMeters: 100).lines().lines
        var queries = 0
        let distance = { (p: PlanarPoint) throws -> Double in
            queries += 1
            return try prepared.distance(to: geos.point(p))
        }
        let everywhere = try #require(try Self.measuredEverywhere(lines, distance))
        let vertices = queries
        queries = 0
        let searched = try #require(try BorderDepth.deepest(of: lines, distance: distance))
        #expect(searched.distance == everywhere.distance)
        #expect(searched.point == everywhere.point)
        #expect(queries < vertices, "\(queries) queries for \(vertices) vertices")
    }

    /// A rectangle whose northern edge runs parallel to the border: every vertex on that edge
    /// is as deep, and the first of them in order is the one reported.
    @Test func firstOfEquallyDeepVerticesWins() throws {
        let lines = [
            [
                PlanarPoint(x: 0, y: 0), PlanarPoint(x: 1_000, y: 0), PlanarPoint(x: 1_000, y: 500),
                PlanarPoint(x: 500, y: 500), PlanarPoint(x: 0, y: 500), PlanarPoint(x: 0, y: 0),
            ],
            [PlanarPoint(x: 200, y: 500), PlanarPoint(x: 300, y: 500)],
        ]
        let depth = { (p: PlanarPoint) in p.y }
        let searched = try #require(BorderDepth.deepest(of: lines, distance: depth))
        #expect(searched.distance == 500)
        #expect(searched.point == PlanarPoint(x: 1_000, y: 500))
        #expect(searched.point == Self.measuredEverywhere(lines, depth)?.point)
    }

    @Test func noVerticesNoDeepest() {
        #expect(BorderDepth.deepest(of: [], distance: { _ in 1 }) == nil)
        #expect(BorderDepth.deepest(of: [[]], distance: { _ in 1 }) == nil)
        #expect(BorderDepth.deepest(of: [[PlanarPoint(x: 3, y: 4)]], distance: { $0.x })?.distance == 3)
    }
}
