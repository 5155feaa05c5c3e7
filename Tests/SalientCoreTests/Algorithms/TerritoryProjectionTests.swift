import Testing

@testable import SalientCore

/// How the territory reaches the estimate's plane: long lon/lat edges follow their curve, and
/// a territory that projection makes invalid is repaired, not refused.
@Suite struct TerritoryProjectionTests {
    /// One village held 10 km from the border, radius 2 km, in a territory `ring`: the
    /// controlled area.
    func heldVillageArea(territory polygon: Polygon<LonLat>, world: SyntheticWorld) throws -> Double {
        let territory = world.place(id: "north", kind: .region, geometry: .multiPolygon(MultiPolygon([polygon])))
        let village = world.north(ofBorderAt: 36, kilometers: 10)
        let timeline = world.timeline([world.event("held", .control, at: village, on: .day(day("2024-08-10")))])
        let gazetteer = try Gazetteer(places: [territory, world.border])
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: gazetteer, geodesic: world.geodesic)
        return try estimator.estimate(asOf: day("2024-08-10")).controlled.areaSquareKilometers
    }

    /// The corridor of `heldVillageArea` clipped at the border: 2rd + πr²/2.
    static let clippedCorridor = 2 * 2 * 10 + Double.pi * 2 * 2 / 2

    /// A box from 30°E to 180° north of the border, as 4 vertices and with a vertex every
    /// degree, gives the same estimate, and the known corridor: the long southern edge follows
    /// the parallel instead of a chord thousands of kilometres long.
    @Test func fourVertexBoxMatchesTheBoxWithAVertexEveryDegree() throws {
        let world = try SyntheticWorld()
        let (west, east, south, north) = (30.0, 180.0, SyntheticWorld.borderLatitude, 75.0)
        let corners = [
            LonLat(lon: west, lat: south), LonLat(lon: east, lat: south), LonLat(lon: east, lat: north),
            LonLat(lon: west, lat: north), LonLat(lon: west, lat: south),
        ]
        let everyDegree =
            zip(corners, corners.dropFirst()).flatMap { a, b in
                let steps = Int(max(abs(b.lon - a.lon), abs(b.lat - a.lat)))
                return (0..<steps).map { i in
                    let t = Double(i) / Double(steps)
                    return LonLat(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t)
                }
            } + [corners[0]]
        let sparse = try heldVillageArea(territory: Polygon(exterior: corners), world: world)
        let dense = try heldVillageArea(territory: Polygon(exterior: everyDegree), world: world)
        #expect(abs(sparse - dense) < 1e-3, "4 vertices: \(sparse) km², a vertex every degree: \(dense) km²")
        #expect(abs(sparse - Self.clippedCorridor) / Self.clippedCorridor < 0.003, "\(sparse) km²")
    }

    /// The whole globe as a territory clips nothing: the corridor keeps both half-discs, 2rd + πr².
    @Test func wholeGlobeClipsNothing() throws {
        let world = try SyntheticWorld()
        let globe = [
            LonLat(lon: -180, lat: -90), LonLat(lon: 180, lat: -90), LonLat(lon: 180, lat: 90),
            LonLat(lon: -180, lat: 90), LonLat(lon: -180, lat: -90),
        ]
        let area = try heldVillageArea(territory: Polygon(exterior: globe), world: world)
        let corridor = 2 * 2 * 10 + Double.pi * 2 * 2
        #expect(abs(area - corridor) / corridor < 0.003, "\(area) km²")
    }

    /// A hole touching its shell at a point mid-edge is valid in lon/lat; projected, the point
    /// lands outside the shell's straight edge and the polygon crosses itself. The estimator
    /// repairs it and measures as usual instead of failing in GEOS.
    @Test func territoryInvalidOnceProjectedIsRepaired() throws {
        let world = try SyntheticWorld()
        // The shell's southern edge, 4° along 50°N, is one edge; the border runs inside, at 51°N.
        let shell = [
            LonLat(lon: 34, lat: 50), LonLat(lon: 38, lat: 50), LonLat(lon: 38, lat: 53),
            LonLat(lon: 34, lat: 53), LonLat(lon: 34, lat: 50),
        ]
        // Off the vertices densification adds (every 0.01°), so the point stays a hair outside.
        let touch = LonLat(lon: 36.005, lat: 50)
        let hole = [touch, LonLat(lon: 35.8, lat: 50.5), LonLat(lon: 36.2, lat: 50.5), touch]
        let holed = Polygon(exterior: shell, holes: [hole])
        let geos = try GEOSContext()
        #expect(try geos.polygon(holed.mapPoints { PlanarPoint(x: $0.lon, y: $0.lat) }).invalidityReason() == nil)
        let projector = try LocalMetricProjection(centeredOn: [world.north(ofBorderAt: 36, kilometers: 10)])
            .makeProjector(context: PROJContext())
        #expect(try geos.polygon(holed.mapPoints { try projector.project($0) }).invalidityReason() != nil)
        let territory = world.place(id: "north", kind: .region, geometry: .multiPolygon(MultiPolygon([holed])))
        let village = world.north(ofBorderAt: 36, kilometers: 10)
        // A report at the touching point: its corridor is cut along the crossing edges.
        let timeline = world.timeline([
            world.event("held", .control, at: village, on: .day(day("2024-08-10"))),
            world.event(
                "fought", .contested, at: LonLat(lon: 36.005, lat: 50.001),
                on: .day(day("2024-08-10"))),
        ])
        let gazetteer = try Gazetteer(places: [territory, world.border])
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: gazetteer, geodesic: world.geodesic)
        #expect(try estimator.territory.invalidityReason() == nil)
        #expect(try estimator.estimate(asOf: day("2024-08-10")).contested.areaSquareKilometers > 0)
        // Nothing is clipped: the territory reaches a degree south of the border.
        let area = try estimator.estimate(asOf: day("2024-08-10")).controlled.areaSquareKilometers
        let corridor = 2 * 2 * 10 + Double.pi * 2 * 2
        #expect(abs(area - corridor) / corridor < 0.003, "\(area) km²")
    }
}

enum TestFailure: Error {
    case unexpected
}
