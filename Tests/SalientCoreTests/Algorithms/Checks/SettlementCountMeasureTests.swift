import Foundation
import Testing

@testable import SalientCore

/// Three villages: one held (10 km out, reported by name), one in the grey zone (14 km), one
/// far beyond (50 km).
@Suite struct SettlementCountMeasureTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    func count(_ others: [Claim] = []) throws -> (SettlementCountMeasurement, MeasuredGeometry) {
        var held = w.held
        held.placeID = "held-village"
        let places = [
            w.point("held-village", .village, w.village),
            w.point("grey-village", .village, w.world.north(ofBorderAt: 36, kilometers: 14)),
            w.point("far-village", .village, w.world.north(ofBorderAt: 36, kilometers: 50)),
        ]
        let claim = w.claim("two", .settlementsControlled, .single(2), .settlements, quantity: .settlements)
        let measurement = try SettlementCountMeasure.measure(
            claim, in: try w.context(claims: [claim] + others, places: places, events: [held]))
        guard case .settlements(let count) = measurement.value else {
            Issue.record("not a settlement count: \(measurement.value)")
            throw CancellationError()
        }
        return (count, measurement.geometry)
    }

    @Test func settlementsInsideEachTierAndThoseReportedHeldAreCounted() throws {
        let (count, geometry) = try count()
        #expect(count.held == 1)
        #expect(count.inside == ["grey-village", "held-village"])
        #expect(count.insideNames == ["Grey-Village", "Held-Village"])
        #expect(count.reportedHeld == 1 && count.reportedHeldNames == ["Held-Village"])
        #expect(count.withinDepth == nil)
        #expect(geometry.areas.map(\.role) == ["estimate_controlled", "estimate_contested"])
    }

    /// Within 12 km of the 4 km of border the village spans lies the held village, not the grey one.
    @Test func aDepthClaimCountsTheSettlementsWithinItsLand() throws {
        let (count, geometry) = try count([w.claim("deep", .depth, .single(12), .kilometers, .upTo, quantity: .depth)])
        let (within, bound) = try #require(count.withinDepth)
        #expect(within == 1 && bound.depthClaim.id == "deep")
        #expect(geometry.areas.contains { $0.role == "depth_sector" && $0.claimIDs == ["two"] })
        #expect(geometry.lines.map(\.role) == ["border_stretch"])
    }
}
