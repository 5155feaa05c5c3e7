import Foundation
import Testing

@testable import SalientCore

/// The village is held from 1 August here, so every day of the tests has a stretch of border.
@Suite struct DepthBoundTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    func bound(for claim: Claim, depths: [Claim]) throws -> DepthBound? {
        let held = w.world.event("held", .control, at: w.village, on: .day(day("2024-08-01")))
        return try DepthBound.nearest(for: claim, in: try w.context(claims: [claim] + depths, events: [held]))
    }

    func area(asOf: String) -> Claim {
        w.claim("area", .controlledPlusContested, .single(100), .squareKilometers, quantity: .area, asOf: asOf)
    }

    func depth(
        _ id: String, _ kilometers: Double, asOf: String, hedge: Hedge = .upTo,
        unit: ClaimUnit = .kilometers
    ) -> Claim {
        w.claim(id, .depth, .single(kilometers), unit, hedge, quantity: .depth, asOf: asOf)
    }

    /// The depth claim nearest in time is used; of two equally near, the later.
    @Test func theDepthClaimNearestInTimeBoundsTheArea() throws {
        let depths = [depth("early", 10, asOf: "2024-08-08"), depth("late", 12, asOf: "2024-08-12")]
        #expect(try bound(for: area(asOf: "2024-08-09"), depths: depths)?.depthClaim.id == "early")
        #expect(try bound(for: area(asOf: "2024-08-10"), depths: depths)?.depthClaim.id == "late")
        let late = try #require(try bound(for: area(asOf: "2024-08-10"), depths: depths))
        #expect(late.kilometers == 12)
        #expect(late.geometry.areas.map(\.label) == ["land within 12 km (late) of the reported stretch of border"])
        #expect(late.geometry.areas[0].areaSquareKilometers == late.land.areaSquareKilometers)
    }

    /// "At least 40 km" has no finite upper end, and a depth in km² is no depth: neither bounds.
    @Test func onlyAFiniteDepthInKilometresBounds() throws {
        let depths = [
            depth("open", 40, asOf: "2024-08-10", hedge: .atLeast),
            depth("wrong-unit", 12, asOf: "2024-08-10", unit: .squareKilometers),
        ]
        #expect(try bound(for: area(asOf: "2024-08-10"), depths: depths) == nil)
        let miles = try #require(
            try bound(
                for: area(asOf: "2024-08-10"),
                depths: [depth("miles", 10, asOf: "2024-08-10", unit: .miles)]))
        #expect(miles.kilometers == 10 * 1.609344)
    }

    /// With nothing mapped by the claim's day there is no stretch of border to measure from.
    @Test func noStretchOfBorderNoBound() throws {
        let claim = area(asOf: "2024-08-10")
        let late = w.world.event("late", .control, at: w.village, on: .day(day("2024-08-11")))
        let context = try w.context(claims: [claim, depth("d", 12, asOf: "2024-08-10")], events: [late])
        #expect(try DepthBound.nearest(for: claim, in: context) == nil)
    }
}
