import Foundation
import Testing

@testable import SalientCore

/// The `concave` join: a concave hull of the corridors' vertices with the corridors added back.
@Suite struct ConcaveJoinTests {
    static func events(_ world: SyntheticWorld) -> [Event] {
        [
            world.event(
                "west", .control, at: world.north(ofBorderAt: 35.5, kilometers: 8), on: .day(day("2024-08-10"))),
            world.event(
                "east", .control, at: world.north(ofBorderAt: 36.1, kilometers: 8), on: .day(day("2024-08-10"))),
        ]
    }

    func controlled(_ world: SyntheticWorld, join: JoinMethod, ratio: Double? = nil) throws -> ControlArea {
        var timeline = world.timeline(Self.events(world), join: join)
        if let ratio { timeline.estimate.concaveRatio = ratio }
        return try ControlAreaEstimator(timeline: timeline, gazetteer: world.gazetteer(), geodesic: world.geodesic)
            .estimate(asOf: day("2024-08-10")).controlled
    }

    /// Two held villages 40 km apart along the border: the concave hull leaves out much of the
    /// land the convex hull fills between them, yet covers both corridors.
    @Test func concaveLiesBetweenCorridorsAndHull() throws {
        let world = try SyntheticWorld()
        let hull = try controlled(world, join: .hull).areaSquareKilometers
        let corridors = try controlled(world, join: .corridors).areaSquareKilometers
        let concave = try controlled(world, join: .concave).areaSquareKilometers
        // Two separate 2 km corridors of depth 8 km, each 2rd + πr²/2.
        let union = 2 * (2 * 2 * 8 + Double.pi * 4 / 2)
        #expect(concave > corridors && concave < hull, "\(corridors) < \(concave) < \(hull)")
        #expect(concave >= union * (1 - 0.003))
    }

    /// Ratio 1 is the convex hull, so `concave` at 1 measures as `hull` does.
    @Test func ratioOneIsTheHull() throws {
        let world = try SyntheticWorld()
        let hull = try controlled(world, join: .hull).areaSquareKilometers
        let concave = try controlled(world, join: .concave, ratio: 1).areaSquareKilometers
        #expect(abs(concave - hull) / hull < 1e-9, "\(concave) vs \(hull)")
    }

    /// The method summary names the ratio only for `concave`, so other summaries stay as they were.
    @Test func summaryNamesTheRatioOnlyForConcave() throws {
        let world = try SyntheticWorld()
        var parameters = world.parameters(join: .concave)
        parameters.concaveRatio = 0.45
        #expect(parameters.summary.contains("; join concave (ratio 0.45); "))
        #expect(world.parameters(join: .corridors).summary.contains("; join corridors; "))
        #expect(!world.parameters(join: .hull).summary.contains("ratio"))
    }
}
