import Foundation
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
}
