import Foundation
import SalientTestSupport
import Testing

@testable import SalientCore

/// What the checker reads of the reports follows the places' states: a place lost no longer
/// spans the front or counts as reported ground.
@Suite struct RecedingEvidenceTests {
    /// Two villages held 8 km from the border, 0.4° apart; B takes the eastern one on the 12th.
    /// On the 11th the stretch spans both, 0.4° of border plus a radius (2 km) at each end; on
    /// the 12th only the western one's own 4 km.
    @Test func aLostPlaceNoLongerSpansTheFront() throws {
        let world = try SyntheticWorld()
        let west = world.north(ofBorderAt: 36, kilometers: 8)
        let east = world.north(ofBorderAt: 36.4, kilometers: 8)
        let events = [
            world.event("west", .control, at: west, on: .day(day("2024-08-10"))),
            world.event("east", .control, at: east, on: .day(day("2024-08-10"))),
            world.event("east-taken", .control, at: east, on: .day(day("2024-08-12")), actor: "B"),
        ]
        let estimator = try ControlAreaEstimator(
            timeline: world.timeline(events), gazetteer: world.gazetteer(), geodesic: world.geodesic)
        let along = world.geodesic.distance(
            LonLat(lon: 36, lat: SyntheticWorld.borderLatitude), LonLat(lon: 36.4, lat: SyntheticWorld.borderLatitude))
        let before = try #require(
            try estimator.reportedBorderStretch(asOf: day("2024-08-11"), geodesic: world.geodesic))
        let after = try #require(try estimator.reportedBorderStretch(asOf: day("2024-08-12"), geodesic: world.geodesic))
        #expect(abs(before.lengthKilometers - (along / 1000 + 4)) < 0.01)
        #expect(abs(after.lengthKilometers - 4) < 0.01)
        #expect(estimator.mappedGroundEvents(asOf: day("2024-08-11")).map(\.event.id) == ["east", "west"])
        #expect(estimator.mappedGroundEvents(asOf: day("2024-08-12")).map(\.event.id) == ["west"])
    }
    /// One pass over the reports for many days finds, for each, the reports a pass for that day
    /// alone does: over generated fronts with every join, advancing and receding (places taken
    /// back, withdrawn from, ageing out), on every day and on seeded subsets of the days, as a
    /// check's claimed days skip some.
    @Test(arguments: [JoinMethod.hull, .cells])
    func onePassOverTheDaysFindsWhatEachDayAloneFinds(join: JoinMethod) throws {
        let geos = try GEOSContext()
        let geodesic = try Geodesic.wgs84()
        var compared = 0
        for receding in [false, true] {
            for seed in UInt64(1)...12 {
                let front = GeneratedFront(
                    sector: .midLatitude, seed: seed, join: join, geodesic: geodesic, receding: receding)
                let estimator = try front.estimator(geos: geos)
                var generator = SeededGenerator(seed: seed)
                let some = front.days.filter { _ in Bool.random(using: &generator) }
                for days in [front.days, some] {
                    for (day, reports) in zip(days, estimator.drawnReports(on: days)) {
                        let events = estimator.mappedGroundEvents(of: reports)
                        let alone = estimator.mappedGroundEvents(asOf: day)
                        #expect(events.map(\.event.id) == alone.map(\.event.id), "\(join) \(receding) \(seed) \(day)")
                        #expect(events.map(\.radius) == alone.map(\.radius))
                        compared += events.count
                    }
                }
            }
        }
        #expect(compared > 100)
    }
}
