import Foundation
import Testing

@testable import SalientCore

/// Controlled is the corridor 2rd + πr²/2 (46.28 km²); controlled + contested the same shape
/// with r + b (176.55 km²); the land within 12 km of the 4 km of border the village spans is
/// 48 + 72π km².
@Suite struct AreaMeasureTests {
    let w: CheckWorld
    let r = 2.0, d = 10.0, b = 4.0

    init() throws { w = try CheckWorld() }

    func area(_ claim: Claim, others: [Claim] = [], maps: [ReferenceMap] = []) throws
        -> (AreaMeasurement, MeasuredGeometry, CheckContext)
    {
        let context = try w.context(claims: [claim] + others, maps: maps)
        let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
        let measurement = try AreaMeasure.measure(claim, claimed, in: context)
        guard case .area(let area) = measurement.value else {
            Issue.record("not an area measurement: \(measurement.value)")
            throw CancellationError()
        }
        return (area, measurement.geometry, context)
    }

    @Test func theEstimatesTiersAndTheReportedGroundAreMeasuredWithTheirGeometry() throws {
        let claim = w.claim("held", .controlled, .single(50), .squareKilometers, quantity: .area)
        let (area, geometry, context) = try area(claim)
        let controlled = 2 * r * d + Double.pi * r * r / 2
        let total = 2 * (r + b) * d + Double.pi * (r + b) * (r + b) / 2
        #expect(abs(area.controlled - controlled) / controlled < 0.003)
        #expect(abs(area.total - total) / total < 0.003)
        #expect(area.heldOnly && area.reference == area.controlled)
        // The reported village alone, with no band, covers its own corridor.
        #expect(abs(area.reported - controlled) / controlled < 0.003)
        #expect(area.depthBound == nil && area.map == nil)
        #expect(
            area.evidence
                == EvidenceBase(
                    day: CheckWorld.heldDay, precisePlaces: ["the point of held"],
                    coarseReports: 0))
        let estimate = try context.estimate(CheckWorld.heldDay)
        #expect(geometry.areas.map(\.role) == ["estimate_controlled", "estimate_contested", "reported_held_places"])
        #expect(geometry.areas[0].geometry == estimate.controlled.geometry)
        #expect(geometry.areas[1].geometry == estimate.contested.geometry)
        #expect(geometry.areas[2].areaSquareKilometers == area.reported)
        #expect(geometry.areas.allSatisfy { $0.claimIDs == ["held"] && $0.asOf == CheckWorld.heldDay })
        #expect(geometry.lines.isEmpty)
    }

    @Test func bothTiersAreTheReferenceUnlessOnlyHeldGroundCounts() throws {
        let (area, geometry, _) = try area(
            w.claim(
                "all", .controlledPlusContested, .single(50), .squareKilometers,
                quantity: .area))
        #expect(!area.heldOnly && area.reference == area.total)
        #expect(geometry.areas.map(\.role).last == "reported_places")
    }

    @Test func aDepthClaimBoundsTheAreaWithTheLandItMeasured() throws {
        let claim = w.claim("area", .controlledPlusContested, .single(1000), .squareKilometers, quantity: .area)
        let depth = w.claim("deep", .depth, .single(12), .kilometers, .upTo, quantity: .depth)
        let (area, geometry, _) = try area(claim, others: [depth])
        let bound = try #require(area.depthBound)
        #expect(bound.depthClaim.id == "deep" && bound.kilometers == 12)
        #expect(abs(bound.stretch.lengthKilometers - 4) < 0.01)
        let land = 48 + 72 * Double.pi
        #expect(abs(bound.land.areaSquareKilometers - land) / land < 0.005)
        let sector = try #require(geometry.areas.first { $0.role == "depth_sector" })
        #expect(sector.geometry == bound.land.geometry && sector.claimIDs == ["area"])
        #expect(geometry.lines.map(\.role) == ["border_stretch"])
        #expect(geometry.lines[0].points == bound.stretch.lines[0])
    }

    /// Before the village is reported nothing is held, and the reported places cover nothing.
    @Test func aDayBeforeAnyReportMeasuresNothing() throws {
        let (area, geometry, _) = try area(
            w.claim(
                "early", .controlled, .single(50), .squareKilometers,
                quantity: .area, asOf: "2024-08-09"))
        #expect(area.controlled == 0 && area.total == 0 && area.reported == 0)
        #expect(area.evidence.precisePlaces.isEmpty)
        #expect(geometry.areas.isEmpty && geometry.lines.isEmpty)
    }
}
