import Foundation
import SalientTestSupport
import Testing

@testable import SalientCore

/// The `cells` join on a strip of territory 0.6° wide and 0.1° deep north of a border along
/// 51°N, with villages in a row at one latitude: their cells are the strips between the
/// meridians halfway between them.
@Suite struct SettlementCellsTests {
    static let west = 35.0
    static let east = 35.6
    static let south = 51.0
    static let north = 51.1
    static let row = 51.05

    let world: SyntheticWorld

    init() throws {
        world = try SyntheticWorld()
    }

    /// A lon/lat rectangle with a vertex every 0.01°, as the territory is drawn.
    static func rectangle(west: Double, east: Double) -> [LonLat] {
        let steps = Int(((east - west) / 0.01).rounded())
        let bottom = (0...steps).map { LonLat(lon: west + Double($0) * 0.01, lat: south) }
        let side = (1...10).map { LonLat(lon: east, lat: south + Double($0) * 0.01) }
        let top = (1...steps).map { LonLat(lon: east - Double($0) * 0.01, lat: north) }
        let back = (1...10).map { LonLat(lon: west, lat: north - Double($0) * 0.01) }
        return bottom + side + top + back
    }

    func gazetteer(villages: [(String, Double)]) throws -> Gazetteer {
        let territory = world.place(
            id: "north", kind: .region,
            geometry: .multiPolygon(MultiPolygon([Polygon(exterior: Self.rectangle(west: Self.west, east: Self.east))]))
        )
        let border = world.place(
            id: "line", kind: .border,
            geometry: .multiLineString(
                MultiLineString([stride(from: 34.0, through: 38.0, by: 0.01).map { LonLat(lon: $0, lat: Self.south) }]))
        )
        let places = villages.map {
            world.place(id: $0.0, kind: .village, geometry: .point(LonLat(lon: $0.1, lat: Self.row)))
        }
        return try Gazetteer(places: [territory, border] + places)
    }

    func event(_ id: String, at lon: Double, actor: String = "A", day text: String = "2024-08-10") -> Event {
        world.event(id, .control, at: LonLat(lon: lon, lat: Self.row), on: .day(day(text)), actor: actor)
    }

    func estimator(_ events: [Event], villages: [(String, Double)], band: Double = 0) throws -> ControlAreaEstimator {
        try ControlAreaEstimator(
            timeline: world.timeline(events, join: .cells, band: band), gazetteer: gazetteer(villages: villages),
            geodesic: world.geodesic, bounds: true)
    }

    /// A village held by A at 35.1°E and one held by B at 35.3°E split the ground between them
    /// along 35.2°E, their perpendicular bisector; a third, unreported one at 35.5°E keeps the
    /// east of 35.4°E unknown. Controlled is the rectangle 35.0–35.2°E, contested 35.2–35.4°E,
    /// each measured as the rectangle is (a report between two villages counts for the nearer).
    @Test func bisectorSplitsHeldFromEnemyVillage() throws {
        let villages = [("held", 35.1), ("enemy", 35.3), ("far", 35.5)]
        let estimate = try estimator(
            [event("ours", at: 35.12), event("theirs", at: 35.27, actor: "B")], villages: villages
        ).estimate(asOf: day("2024-08-10"))
        func rectangle(_ west: Double, _ east: Double) -> Double {
            world.geodesic.area(of: MultiPolygon([Polygon(exterior: Self.rectangle(west: west, east: east))])) / 1e6
        }
        let (controlled, contested) = (rectangle(35.0, 35.2), rectangle(35.2, 35.4))
        #expect(controlled > 150 && controlled < 160, "\(controlled)")
        #expect(abs(estimate.controlled.areaSquareKilometers - controlled) / controlled < 0.002)
        #expect(abs(estimate.contested.areaSquareKilometers - contested) / contested < 0.002)
        #expect(estimate.controlled.settlementIDs == ["held"])
        #expect(estimate.contested.settlementIDs == ["enemy"])
        // Certain ground is the held cell; open ground adds the unknown cell, as deep as the others.
        let lower = try #require(estimate.lowerBound)
        let upper = try #require(estimate.upperBound)
        #expect(abs(lower.areaSquareKilometers - controlled) / controlled < 0.002)
        let whole = rectangle(35.0, 35.6)
        #expect(abs(upper.areaSquareKilometers - whole) / whole < 0.002, "\(upper.areaSquareKilometers) vs \(whole)")
    }

    /// An unreported village between two held ones is drawn held; one at the end of the row,
    /// with one held neighbour, is not; when B takes a neighbour the middle one is unknown again.
    /// Day by day equals from scratch, to the bit.
    @Test func unknownCellBetweenHeldCellsIsHeldUntilANeighbourIsLost() throws {
        let villages = [("s1", 35.075), ("s2", 35.225), ("s3", 35.375), ("s4", 35.525)]
        let events = [
            event("one", at: 35.075), event("three", at: 35.375),
            event("lost", at: 35.38, actor: "B", day: "2024-08-11"),
        ]
        let estimator = try estimator(events, villages: villages)
        let days = [day("2024-08-10"), day("2024-08-11")]
        let estimates = try estimator.estimates(for: days)
        #expect(estimates[0].controlled.settlementIDs == ["s1", "s2", "s3"])
        #expect(estimates[0].lowerBound?.areaSquareKilometers ?? 0 < estimates[0].controlled.areaSquareKilometers * 0.7)
        #expect(estimates[1].controlled.settlementIDs == ["s1"])
        #expect(estimates[1].controlled.eventIDs == ["one"])
        #expect(estimates[1].contested.settlementIDs.isEmpty)
        for (day, estimate) in zip(days, estimates) {
            #expect(try estimator.estimate(asOf: day) == estimate)
        }
    }

    /// The band of grey zone round held cells covers unknown ground, never a cell reported lost.
    @Test func contestedBandStopsAtLostCells() throws {
        let villages = [("s1", 35.075), ("s2", 35.225), ("s3", 35.375), ("s4", 35.525)]
        let events = [
            event("one", at: 35.075), event("gone", at: 35.225, day: "2024-08-09"),
            event("taken", at: 35.225, actor: "B"),
        ]
        let estimate = try estimator(events, villages: villages, band: 30).estimate(asOf: day("2024-08-10"))
        #expect(estimate.controlled.settlementIDs == ["s1"])
        #expect(estimate.contested.settlementIDs == ["s3", "s4"])
        let open = try estimator([event("one", at: 35.075)], villages: villages, band: 30)
            .estimate(asOf: day("2024-08-10"))
        #expect(open.contested.settlementIDs == ["s2", "s3", "s4"])
        let lost = open.contested.areaSquareKilometers - estimate.contested.areaSquareKilometers
        let cell =
            world.geodesic.area(of: MultiPolygon([Polygon(exterior: Self.rectangle(west: 35.15, east: 35.3))])) / 1e6
        #expect(abs(lost - cell) / cell < 0.002, "\(lost) vs \(cell)")
    }

    /// Fewer than 3 settlements inside the territory cannot be divided: refused by name.
    @Test func fewerThanThreeSettlementsAreRefused() throws {
        #expect(throws: EstimateSetupError.self) {
            try estimator([event("one", at: 35.1)], villages: [("a", 35.1), ("b", 35.3), ("out", 36.5)])
        }
    }

    /// How the villages of `unionOfCellsCoversWhatTheirOverlayUnionCovers` lie.
    enum Layout: CaseIterable {
        case scattered
        /// A square grid: four cells meet at every vertex of the diagram.
        case grid
        /// The grid, each village moved by up to a metre: vertices all but shared.
        case jitteredGrid
    }

    /// Any set of cells dissolves to the ground the overlay union of the clipped cells covers,
    /// in a territory with a notch (so that cells are clipped on every side): 30 random sets of
    /// 400 villages in each layout. Each union is valid and differs from the overlay's by no
    /// more than a square metre in 1,600 km².
    @Test(arguments: Layout.allCases) func unionOfCellsCoversWhatTheirOverlayUnionCovers(layout: Layout) throws {
        let geos = try GEOSContext()
        let outline = [
            (0.0, 0.0), (40_000, 0), (40_000, 40_000), (22_000, 40_000), (20_000, 15_000), (18_000, 40_000),
            (0, 40_000),
        ]
        let territory = try geos.polygon(
            Polygon(exterior: (outline + [outline[0]]).map { PlanarPoint(x: $0.0, y: $0.1) }))
        let border = try PreparedGEOSObject(
            geos.lineString([PlanarPoint(x: -1000, y: 0), PlanarPoint(x: 41_000, y: 0)]))
        var random = SeededGenerator(seed: 15)
        let villages = (0..<400).map { n in
            let grid = PlanarPoint(x: 1_000 + Double(n % 20) * 2_000, y: 1_000 + Double(n / 20) * 2_000)
            let at: PlanarPoint
            switch layout {
            case .scattered:
                at = PlanarPoint(
                    x: .random(in: 0...40_000, using: &random), y: .random(in: 0...40_000, using: &random))
            case .grid: at = grid
            case .jitteredGrid:
                at = PlanarPoint(
                    x: grid.x + .random(in: -1...1, using: &random), y: grid.y + .random(in: -1...1, using: &random))
            }
            return (id: "v\(n)", at: at)
        }
        let cells = try SettlementCells(settlements: villages, territory: territory, border: border, geos: geos)
        #expect(cells.sites.count > 300)
        #expect(cells.isInside.contains(false) && cells.isInside.contains(true))
        // On the grid four cells meet at every vertex of the diagram, which the coverage union fails on.
        if layout != .jitteredGrid { #expect(cells.dissolvesByCoverage == (layout == .scattered)) }
        for _ in 0..<30 {
            let share = Double.random(in: 0.05...0.9, using: &random)
            let members = cells.sites.indices.filter { _ in Double.random(in: 0..<1, using: &random) < share }
            let union = try #require(try cells.union(of: members))
            let clipped = try members.map { try cells.tiles[$0].intersection(territory) }
            let overlay = try geos.collection(of: clipped).unaryUnion()
            #expect(try union.invalidityReason() == nil)
            let apart = try union.difference(overlay).planarArea() + overlay.difference(union).planarArea()
            #expect(apart < 1, "\(members.count) cells: \(apart) m² apart")
            #expect(abs(try union.planarArea() - overlay.planarArea()) < 1)
        }
        #expect(try cells.union(of: []) == nil)
    }
}
