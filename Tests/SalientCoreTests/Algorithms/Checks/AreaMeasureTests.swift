import Foundation
import Testing

@testable import SalientCore

/// Controlled is the corridor 2rd + πr²/2 (46.28 km²); controlled + contested the same shape
/// with r + b (176.55 km²), which is the upper bound; the lower bound is the village's disc, πr²
/// (12.57 km²); the land within 12 km of the 4 km of border the village spans is 48 + 72π km².
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

    @Test func theEstimatesTiersAndItsBoundsAreMeasuredWithTheirGeometry() throws {
        let claim = w.claim("held", .controlled, .single(50), .squareKilometers, quantity: .area)
        let (area, geometry, context) = try area(claim)
        let controlled = 2 * r * d + Double.pi * r * r / 2
        let total = 2 * (r + b) * d + Double.pi * (r + b) * (r + b) / 2
        #expect(abs(area.controlled - controlled) / controlled < 0.003)
        #expect(abs(area.total - total) / total < 0.003)
        #expect(area.heldOnly && area.reference == area.controlled)
        let disc = Double.pi * r * r
        #expect(abs(area.lower - disc) / disc < 0.003)
        #expect(abs(area.upper - total) / total < 0.003)
        // The disc joins' upper bound is the estimate itself, not one the reports set.
        #expect(!area.upperIsEvidence && area.join == .hull)
        #expect(area.depthBound == nil && area.map == nil)
        #expect(
            area.evidence
                == EvidenceBase(
                    day: CheckWorld.heldDay, precisePlaces: ["the point of held"],
                    coarseReports: 0))
        let estimate = try context.estimate(CheckWorld.heldDay)
        #expect(
            geometry.areas.map(\.role) == [
                "estimate_controlled", "estimate_contested", "estimate_lower_bound", "estimate_upper_bound",
            ])
        #expect(geometry.areas[0].geometry == estimate.controlled.geometry)
        #expect(geometry.areas[1].geometry == estimate.contested.geometry)
        #expect(geometry.areas[2].geometry == estimate.lowerBound?.geometry)
        #expect(geometry.areas[2].areaSquareKilometers == area.lower)
        #expect(geometry.areas[3].areaSquareKilometers == area.upper)
        #expect(geometry.areas.allSatisfy { $0.claimIDs == ["held"] && $0.asOf == CheckWorld.heldDay })
        #expect(geometry.lines.isEmpty)
    }

    @Test func bothTiersAreTheReferenceUnlessOnlyHeldGroundCounts() throws {
        let (area, geometry, _) = try area(
            w.claim(
                "all", .controlledPlusContested, .single(50), .squareKilometers,
                quantity: .area))
        #expect(!area.heldOnly && area.reference == area.total)
        #expect(geometry.areas.map(\.role).last == "estimate_upper_bound")
    }

    /// A village fought over 30 km east of the held one: a claim that counts the grey zone is
    /// certain of both villages' discs, 2πr²; one of ground held only of the held village's.
    @Test func aClaimCountingTheGreyZoneIsCertainOfThePlacesFoughtOverToo() throws {
        let fought = w.world.event(
            "fought", .contested, at: w.world.north(ofBorderAt: 36.45, kilometers: 10), on: .day(CheckWorld.heldDay))
        let claims = [
            w.claim("all", .controlledPlusContested, .single(50), .squareKilometers, quantity: .area),
            w.claim("held", .controlled, .single(50), .squareKilometers, quantity: .area),
        ]
        let context = try w.context(claims: claims, events: [w.held, fought])
        let disc = Double.pi * r * r
        for (claim, expected) in zip(claims, [2 * disc, disc]) {
            let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
            guard case .area(let area) = try AreaMeasure.measure(claim, claimed, in: context).value else {
                Issue.record("not an area measurement")
                return
            }
            #expect(abs(area.lower - expected) / expected < 0.003, "\(claim.id): \(area.lower)")
        }
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

    /// Before the village is reported nothing is held, and the range is empty.
    @Test func aDayBeforeAnyReportMeasuresNothing() throws {
        let (area, geometry, _) = try area(
            w.claim(
                "early", .controlled, .single(50), .squareKilometers,
                quantity: .area, asOf: "2024-08-09"))
        #expect(area.controlled == 0 && area.total == 0 && area.lower == 0 && area.upper == 0)
        #expect(area.evidence.precisePlaces.isEmpty)
        #expect(geometry.areas.isEmpty && geometry.lines.isEmpty)
    }
}

/// With `cells` the upper bound is one the reports set, so a claim beyond it is contradicted.
/// The strip of `SettlementCellsTests`: A holds the village at 35.1°E, B the one at 35.3°E, and
/// the one at 35.5°E is unreported. Certain ground is the held cell, 35.0–35.2°E (about 155 km²);
/// ground not contradicted is the whole strip, 35.0–35.6°E (three times that).
@Suite struct CellsRangeTests {
    let world: SyntheticWorld
    init() throws { world = try SyntheticWorld() }

    func check(_ values: [(String, Double)], asOf: String = "2024-08-10") throws -> CheckReport {
        let cells = try SettlementCellsTests()
        let villages = [("held", 35.1), ("enemy", 35.3), ("far", 35.5)]
        var timeline = world.timeline(
            [cells.event("ours", at: 35.12), cells.event("theirs", at: 35.27, actor: "B")], join: .cells, band: 0)
        timeline.claims = values.map { id, value in
            Claim(
                id: id, eventID: "", claimant: "Someone", stated: day(asOf), asOf: day(asOf), dateNote: "",
                quantity: .area, definition: .controlled, value: .single(value), unit: .squareKilometers,
                hedge: .exact, asWritten: "", placeID: "", to: "", sourceIDs: ["s"])
        }
        return try ClaimChecker(
            timeline: timeline, gazetteer: try cells.gazetteer(villages: villages), geodesic: world.geodesic
        ).check()
    }

    func rectangle(_ west: Double, _ east: Double) -> Double {
        world.geodesic.area(
            of: MultiPolygon([Polygon(exterior: SettlementCellsTests.rectangle(west: west, east: east))])) / 1e6
    }

    @Test func aClaimBeyondEitherBoundIsContradicted() throws {
        let (lower, upper) = (rectangle(35.0, 35.2), rectangle(35.0, 35.6))
        let report = try check([("small", lower * 0.85), ("inside", lower * 2), ("large", upper * 1.15)])
        let verdicts = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.claim.id, $0.verdict) })
        #expect(verdicts == ["small": .understated, "inside": .consistent, "large": .overstated])
        let measured = try #require(report.checks.first { $0.claim.id == "inside" }?.measured)
        #expect(abs(measured.low - lower) / lower < 0.002 && abs(measured.high - upper) / upper < 0.002)
        #expect(abs(try #require(measured.width) - upper / lower) < 0.01)
        #expect(measured.text.contains("cells of the places reported held"))
    }

    /// Before anything is reported the range is empty for want of evidence: a claim is not
    /// contradicted by it.
    @Test func nothingReportedContradictsNothing() throws {
        let report = try check([("early", 100)], asOf: "2024-08-09")
        #expect(report.checks[0].verdict == .notMeasurable)
        #expect(report.checks[0].measured?.width == nil)
    }
}
