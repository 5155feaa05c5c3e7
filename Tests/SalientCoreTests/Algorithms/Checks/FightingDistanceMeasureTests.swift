import Foundation
import Testing

@testable import SalientCore

/// From a plant 40 km north: the grey zone ends 16 km north (10 + 2 + 4), so its edge is 24 km
/// away; the held village, 30 km.
@Suite struct FightingDistanceMeasureTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    func measure(from position: LonLat, asOf: String = "2024-08-10") throws -> ClaimMeasurement {
        let claim = w.claim(
            "near", .distanceToFighting, .single(28), .kilometers, asOf: asOf, place: "plant",
            to: "fighting")
        return try FightingDistanceMeasure.measure(
            claim, in: try w.context(claims: [claim], places: [w.point("plant", .facility, position)]))
    }

    func fighting(_ measurement: ClaimMeasurement) throws -> FightingDistanceMeasurement {
        guard case .distanceToFighting(let fighting) = measurement.value else {
            Issue.record("not a distance to fighting: \(measurement.value)")
            throw CancellationError()
        }
        return fighting
    }

    @Test func theEdgeAndTheNearestReportedPlaceAreMeasuredWithTheirLines() throws {
        let plant = w.world.north(ofBorderAt: 36, kilometers: 40)
        let measurement = try measure(from: plant)
        let fighting = try fighting(measurement)
        let edge = try #require(fighting.edge)
        #expect(!edge.inside && abs(edge.kilometers - 24) < 0.05)
        let place = try #require(fighting.nearestPlace)
        #expect(place.name == "the point of held" && place.tier == .controlled && place.kind == .control)
        #expect(place.day == CheckWorld.heldDay)
        #expect(place.kilometers == w.world.geodesic.distance(plant, w.village) / 1000)
        #expect(fighting.reference == place.kilometers && fighting.low == edge.kilometers)
        #expect(fighting.ends.map(\.name) == ["Plant", "the point of held"])
        #expect(measurement.geometry.lines.map(\.role) == ["distance_to_fighting_edge", "distance_to_fighting_place"])
        #expect(measurement.geometry.lines[0].lengthKilometers == edge.kilometers)
        #expect(measurement.geometry.lines[1].points == [plant, w.village])
        #expect(measurement.geometry.areas.map(\.role) == ["estimate_controlled", "estimate_contested"])
    }

    /// A place inside the estimate is 0 km from its edge, and no edge line is drawn.
    @Test func aPlaceInsideTheEstimateIsAtItsEdge() throws {
        let measurement = try measure(from: w.world.north(ofBorderAt: 36, kilometers: 5))
        let edge = try #require(try fighting(measurement).edge)
        #expect(edge.inside && edge.kilometers == 0)
        #expect(try fighting(measurement).low == 0)
        #expect(measurement.geometry.lines.map(\.role) == ["distance_to_fighting_place"])
    }

    @Test func nothingOnTheGroundIsNotMeasurable() throws {
        let measurement = try measure(from: w.world.north(ofBorderAt: 36, kilometers: 40), asOf: "2024-08-09")
        guard case .notMeasurable(.nothingOnTheGround(let day)) = measurement.value else {
            Issue.record("measured with nothing reported: \(measurement.value)")
            return
        }
        #expect(day == CalendarDay("2024-08-09"))
        #expect(measurement.geometry.lines.isEmpty && measurement.geometry.areas.isEmpty)
    }
}
