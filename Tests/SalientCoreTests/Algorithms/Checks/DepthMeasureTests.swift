import Foundation
import Testing

@testable import SalientCore

/// The estimate reaches d + r = 12 km (controlled) to d + r + b = 16 km; the village, 10 km out
/// less the 2 km it stands for, shows the advance reached at least 8 km.
@Suite struct DepthMeasureTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    func depth(events: [Event]? = nil) throws -> (DepthMeasurement, MeasuredGeometry) {
        let claim = w.claim("deep", .depth, .single(12), .kilometers, quantity: .depth)
        let measurement = try DepthMeasure.measure(claim, in: try w.context(claims: [claim], events: events))
        guard case .depth(let depth) = measurement.value else {
            Issue.record("not a depth measurement: \(measurement.value)")
            throw CancellationError()
        }
        return (depth, measurement.geometry)
    }

    @Test func theEstimatesReachAndTheFarthestPlaceAreMeasuredWithTheirLines() throws {
        let (depth, geometry) = try depth()
        #expect(abs(depth.controlled - 12) < 0.05)
        #expect(abs(depth.total - 16) < 0.05)
        let farthest = try #require(depth.farthest)
        #expect(farthest.name == "the point of held")
        #expect(abs(farthest.kilometers - 10) < 0.001)
        #expect(farthest.radiusKilometers == 2 && farthest.reached == farthest.kilometers - 2)
        #expect(geometry.lines.map(\.role) == ["depth", "depth_reported_place"])
        let deepest = geometry.lines[0]
        #expect(abs(deepest.lengthKilometers - depth.total) < 0.001)
        #expect(deepest.label == "deepest point of the estimate (contested) to the border")
        let place = geometry.lines[1]
        #expect(place.points[0] == w.village && abs(place.points[1].lat - SyntheticWorld.borderLatitude) < 1e-4)
        #expect(place.lengthKilometers == farthest.kilometers)
        #expect(geometry.areas.map(\.role) == ["estimate_controlled", "estimate_contested"])
    }

    /// Planar ranking keeps the first event and any that could be the farthest: 5 km and 6 km
    /// out cannot beat 30 km, whatever the plane's error.
    @Test func onlyPlacesThatCouldBeTheFarthestAreMeasuredPrecisely() throws {
        let events = [("a", 5.0), ("b", 30.0), ("c", 6.0)].map { id, kilometers in
            w.world.event(
                id, .advance, at: w.world.north(ofBorderAt: 36, kilometers: kilometers),
                on: .day(CheckWorld.heldDay))
        }
        let context = try w.context(events: events)
        let candidates = try DepthMeasure.farthestCandidates(
            context.reportedEvents(asOf: CheckWorld.heldDay),
            in: context)
        #expect(candidates.map(\.id) == ["a", "b"])
        let (depth, _) = try depth(events: events)
        #expect(depth.farthest?.name == "the point of b")
        #expect(abs(try #require(depth.farthest).reached - 28) < 0.001)
    }
}
