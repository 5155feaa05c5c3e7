import Foundation
import Testing

@testable import SalientCore

@Suite struct DistanceMeasureTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    func distance(_ measurement: ClaimMeasurement) throws -> DistanceMeasurement {
        guard case .distance(let distance) = measurement.value else {
            Issue.record("not a distance measurement: \(measurement.value)")
            throw CancellationError()
        }
        return distance
    }

    /// Due north of a border along a parallel, the nearest border point is due south.
    @Test func theDistanceToTheBorderRunsToItsNearestPoint() throws {
        let town = w.world.north(ofBorderAt: 36.02, kilometers: 12.5)
        let claim = w.claim("to-border", .distanceToBorder, .single(12), .kilometers, place: "town", to: "border")
        let measurement = try DistanceMeasure.toBorder(
            claim, in: try w.context(claims: [claim], places: [w.point("town", .town, town)]))
        let distance = try distance(measurement)
        #expect(abs(distance.kilometers - 12.5) < 0.001)
        #expect(distance.from == "Town" && distance.to == "Line")
        #expect(distance.ends.map(\.isPlace) == [true, false])
        let line = try #require(measurement.geometry.lines.first)
        #expect(measurement.geometry.lines.count == 1 && measurement.geometry.areas.isEmpty)
        #expect(line.role == "distance_to_border" && line.label == "Town to the border")
        #expect(line.points[0] == town)
        // On the border's chord between vertices 0.05° apart: metres from the parallel at most.
        #expect(abs(line.points[1].lon - 36.02) < 1e-4)
        #expect(abs(line.points[1].lat - SyntheticWorld.borderLatitude) < 1e-4)
        #expect(line.lengthKilometers == distance.kilometers)
    }

    @Test func theDistanceBetweenTwoPlacesIsGeodInverse() throws {
        let a = LonLat(lon: 35.271, lat: 51.191)
        let b = LonLat(lon: 35.68651, lat: 51.65356)
        let claim = w.claim("between", .distanceBetween, .single(35), .kilometers, place: "a", to: "b")
        let measurement = try DistanceMeasure.between(
            claim, in: try w.context(claims: [claim], places: [w.point("a", .town, a), w.point("b", .town, b)]))
        let distance = try distance(measurement)
        #expect(distance.kilometers == w.world.geodesic.inverse(a, b).meters / 1000)
        #expect(distance.ends.map(\.isPlace) == [true, true])
        #expect(measurement.geometry.lines.map(\.points) == [[a, b]])
        #expect(DistanceEnd.minimumKilometers(distance.ends).minimum == 2 * ClaimChecker.placeExtentKilometers)
    }

    @Test func aPlaceThatIsMissingOrNotAPointIsNotMeasured() throws {
        let context = try w.context()
        let missing = try DistanceMeasure.toBorder(
            w.claim(
                "x", .distanceToBorder, .single(1), .kilometers,
                place: "nowhere"), in: context)
        guard case .notMeasurable(.noPlace) = missing.value else {
            Issue.record("measured a missing place: \(missing.value)")
            return
        }
        let area = try DistanceMeasure.between(
            w.claim(
                "y", .distanceBetween, .single(1), .kilometers,
                place: "north", to: "north"), in: context)
        guard case .notMeasurable(.notAPoint(let place)) = area.value else {
            Issue.record("measured from an area: \(area.value)")
            return
        }
        #expect(place.id == "north")
        #expect(missing.geometry.lines.isEmpty && area.geometry.lines.isEmpty)
    }
}
