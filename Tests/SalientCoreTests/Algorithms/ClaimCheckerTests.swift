import Foundation
import Testing

@testable import SalientCore

/// The checker on the synthetic world: a straight border along 51°N, a village held 10 km
/// north of it (radius 2 km, grey-zone band 4 km), so every measurement has a known answer.
@Suite struct ClaimCheckerTests {
    let world: SyntheticWorld
    let village: LonLat
    let heldDay = day("2024-08-10")

    init() throws {
        world = try SyntheticWorld()
        village = world.north(ofBorderAt: 36, kilometers: 10)
    }

    func claim(
        _ id: String, _ definition: ClaimDefinition, _ value: ClaimValue, _ unit: ClaimUnit, _ hedge: Hedge = .exact,
        quantity: ClaimQuantity = .distance, asOf: String = "2024-08-10", place: String = "", to: String = "",
        event: String = "", sources: [String] = ["s"]
    ) -> Claim {
        Claim(
            id: id, eventID: event, claimant: "Someone", stated: day(asOf), asOf: day(asOf), dateNote: "",
            quantity: quantity,
            definition: definition, value: value, unit: unit, hedge: hedge, asWritten: "", placeID: place, to: to,
            sourceIDs: sources)
    }

    /// Checks `claims` in a timeline where the village is held from 10 August.
    func check(_ claims: [Claim], places: [Place] = [], events extra: [Event] = []) throws -> CheckReport {
        var timeline = world.timeline([world.event("held", .control, at: village, on: .day(heldDay))] + extra)
        timeline.sources.append(
            Source(id: "t", outlet: "Other", published: .day(heldDay), file: "", url: "", description: "", note: ""))
        timeline.claims = claims
        let gazetteer = try Gazetteer(places: [world.territory, world.border] + places)
        return try ClaimChecker(timeline: timeline, gazetteer: gazetteer, geodesic: world.geodesic).check()
    }

    func result(_ report: CheckReport, _ id: String) throws -> ClaimCheck {
        try #require(report.checks.first { $0.claim.id == id })
    }

    func point(_ id: String, _ kind: PlaceKind, _ position: LonLat) -> Place {
        world.place(id: id, kind: kind, geometry: .point(position))
    }

    // MARK: Distances

    /// From a point due north of a border along a parallel, the nearest border point is due
    /// south, and the distance is what geod_inverse gives between the two.
    @Test func distanceToTheBorderIsTheGeodesicToItsNearestPoint() throws {
        let position = world.north(ofBorderAt: 36.02, kilometers: 12.5)
        let report = try check(
            [claim("to-border", .distanceToBorder, .single(12), .kilometers, place: "town", to: "border")],
            places: [point("town", .town, position)])
        let measured = try #require(try result(report, "to-border").measured)
        let expected =
            world.geodesic.inverse(position, LonLat(lon: position.lon, lat: SyntheticWorld.borderLatitude)).meters
            / 1000
        #expect(measured.low == measured.high)
        #expect(abs(measured.low - expected) < 0.001)
        #expect(abs(measured.low - 12.5) < 0.001)
        let line = try #require(report.lines.first { $0.role == "distance_to_border" })
        #expect(line.points.first == position)
        #expect(line.lengthKilometers == world.geodesic.inverse(line.points[0], line.points[1]).meters / 1000)
        #expect(line.lengthKilometers == measured.low)
        #expect(try result(report, "to-border").verdict == .consistent)
    }

    @Test func distanceBetweenPlacesIsGeodInverse() throws {
        let a = LonLat(lon: 35.271, lat: 51.191)
        let b = LonLat(lon: 35.68651, lat: 51.65356)
        let report = try check(
            [claim("between", .distanceBetween, .single(35), .kilometers, place: "a", to: "b")],
            places: [point("a", .town, a), point("b", .town, b)])
        let measured = try #require(try result(report, "between").measured)
        #expect(measured.low == world.geodesic.inverse(a, b).meters / 1000)
        // 56.9 km against 35 km: beyond 10 % and beyond the 2 km the two towns' extents allow.
        #expect(try result(report, "between").verdict == .understated)
        #expect(measured.tolerance.minimum == 2 * ClaimChecker.placeExtentKilometers)
    }

    /// Six miles is 9.656 km: the unit is converted before measuring, and "about" allows ±10 %.
    @Test func milesAreConvertedBeforeJudging() throws {
        let position = world.north(ofBorderAt: 36, kilometers: 9.0)
        let report = try check(
            [
                claim("six-miles", .distanceToBorder, .single(6), .miles, .about, place: "town", to: "border"),
                claim("six-km", .distanceToBorder, .single(6), .kilometers, place: "town", to: "border"),
            ], places: [point("town", .village, position)])
        #expect(try result(report, "six-miles").verdict == .consistent)
        #expect(try result(report, "six-miles").claimedText == "6 mi × 1.609344 = 9.656 km; ≈ 9.656 km (8.69–10.622)")
        // 9 km measured, ±1 km for a village's extent: 6 km is short of 8 km.
        #expect(try result(report, "six-km").verdict == .understated)
    }

    /// From a plant 40 km north: the grey zone ends 16 km north (10 + 2 + 4), so its edge is
    /// 24 km away; the held village, 30 km.
    @Test func distanceToFightingRunsToTheEdgeAndTheNearestPlace() throws {
        let plant = world.north(ofBorderAt: 36, kilometers: 40)
        let claims = [
            claim("npp-28", .distanceToFighting, .single(28), .kilometers, place: "plant", to: "fighting"),
            claim("npp-35", .distanceToFighting, .single(35), .kilometers, place: "plant", to: "fighting"),
            claim("npp-5", .distanceToFighting, .single(5), .kilometers, place: "plant", to: "fighting"),
        ]
        let report = try check(claims, places: [point("plant", .facility, plant)])
        let measured = try #require(try result(report, "npp-28").measured)
        #expect(measured.high == world.geodesic.distance(plant, village) / 1000)
        #expect(abs(measured.low - 24) < 0.05)
        let edge = try #require(report.lines.first { $0.role == "distance_to_fighting_edge" })
        #expect(abs(edge.lengthKilometers - measured.low) < 1e-9)
        #expect(try result(report, "npp-28").verdict == .consistent)
        // Reported fighting 30 km away contradicts "35 km" (beyond 30 + 10 %).
        #expect(try result(report, "npp-35").verdict == .overstated)
        // Nearer than anything reported cannot be ruled out.
        #expect(try result(report, "npp-5").verdict == .notMeasurable)
    }

    // MARK: Areas and depth

    /// The range runs from the village's disc, πr² (12.57 km²), the ground the report makes
    /// certain, to controlled + contested: the corridor with r + b, 2(r+b)d + π(r+b)²/2 (176.55 km²).
    @Test func areaClaimsAreMeasuredAgainstTheEstimatesRange() throws {
        let (r, d, b) = (2.0, 10.0, 4.0)
        let total = 2 * (r + b) * d + Double.pi * (r + b) * (r + b) / 2
        let report = try check([
            claim("about-100", .controlledPlusContested, .single(100), .squareKilometers, .about, quantity: .area),
            claim("ten", .controlledPlusContested, .single(10), .squareKilometers, quantity: .area),
            claim("thousand", .controlledPlusContested, .single(1000), .squareKilometers, quantity: .area),
        ])
        let measured = try #require(try result(report, "about-100").measured)
        // From the held village's own disc, πr² (12.57 km²), to both tiers; the reference is both tiers.
        let disc = Double.pi * r * r
        #expect(abs(measured.low - disc) / disc < 0.003)
        #expect(abs(measured.high - total) / total < 0.003)
        #expect(abs(measured.reference - total) / total < 0.003)
        #expect(abs(try #require(measured.width) - total / disc) < 0.05)
        #expect(try result(report, "about-100").verdict == .consistent)
        // Less than the held village's own disc, with the tolerance (11.3 km²).
        #expect(try result(report, "ten").verdict == .understated)
        #expect(try result(report, "ten").lowerBound == nil)
        // More than the estimate, and no depth claim bounds it: the estimate is a lower bound.
        let thousand = try result(report, "thousand")
        #expect(thousand.verdict == .notMeasurable)
        #expect(thousand.reason.contains("rests on 1 place located precisely"))
        #expect(thousand.reason.contains("no depth claim bounds it from above"))
    }

    /// With a depth claim of 12 km, the land within 12 km of the 4 km of border the village
    /// spans (its nearest border point ± r) is a 4 × 12 rectangle and two quarter discs:
    /// 48 + 72π = 274.19 km². 1,000 km² is more than that land.
    @Test func aClaimedDepthBoundsTheArea() throws {
        let report = try check([
            claim("thousand", .controlledPlusContested, .single(1000), .squareKilometers, quantity: .area),
            claim("two-fifty", .controlledPlusContested, .single(250), .squareKilometers, quantity: .area),
            claim("deep", .depth, .single(12), .kilometers, .upTo, quantity: .depth, to: "border"),
        ])
        let land = try #require(try result(report, "thousand").upperBound)
        #expect(abs(land.value - (48 + 72 * Double.pi)) / (48 + 72 * Double.pi) < 0.005)
        #expect(try result(report, "thousand").verdict == .overstated)
        #expect(try result(report, "two-fifty").verdict == .notMeasurable)
        let stretch = try #require(report.lines.first { $0.role == "border_stretch" })
        #expect(abs(stretch.lengthKilometers - 4) < 0.01)
        let sector = try #require(report.areas.first { $0.role == "depth_sector" })
        #expect(sector.areaSquareKilometers == world.geodesic.area(of: sector.geometry) / 1e6)
    }

    /// The estimate reaches d + r = 12 km (controlled) to d + r + b = 16 km; the village, 10 km
    /// out less the 2 km it stands for, is the evidence's floor.
    @Test func depthIsTheEstimatesReach() throws {
        let report = try check([
            claim("up-to-30", .depth, .single(30), .kilometers, .upTo, quantity: .depth),
            claim("at-least-40", .depth, .single(40), .kilometers, .atLeast, quantity: .depth),
            claim("five", .depth, .single(5), .kilometers, quantity: .depth),
        ])
        let measured = try #require(try result(report, "up-to-30").measured)
        #expect(abs(measured.low - 12) < 0.05)
        #expect(abs(measured.high - 16) < 0.05)
        #expect(abs(try #require(try result(report, "five").lowerBound).value - 8) < 0.001)
        #expect(try result(report, "up-to-30").verdict == .consistent)
        #expect(try result(report, "at-least-40").verdict == .notMeasurable)
        #expect(try result(report, "five").verdict == .understated)
    }

    /// A claim holds on its as-of day: the day before the village was reported, nothing is held.
    @Test func claimsAreMeasuredOnTheirAsOfDay() throws {
        let report = try check([
            claim("before", .controlled, .single(50), .squareKilometers, quantity: .area, asOf: "2024-08-09"),
            claim("on", .controlled, .single(50), .squareKilometers, quantity: .area, asOf: "2024-08-10"),
        ])
        #expect(try #require(try result(report, "before").measured).high == 0)
        // The village's disc, πr² (12.57 km²), is certain from its day on.
        #expect(try #require(try result(report, "on").measured).low > 12.5)
        #expect(try result(report, "on").verdict == .consistent)
    }

    // MARK: Counts and the unmeasurable

    @Test func settlementsAreCountedInsideTheEstimate() throws {
        let places = [
            point("held-village", .village, village),
            point("grey-village", .village, world.north(ofBorderAt: 36, kilometers: 14)),
            point("far-village", .village, world.north(ofBorderAt: 36, kilometers: 50)),
        ]
        let report = try check(
            [
                claim("two", .settlementsControlled, .single(2), .settlements, quantity: .settlements),
                claim("many", .settlementsControlled, .single(74), .settlements, quantity: .settlements),
            ], places: places)
        let measured = try #require(try result(report, "two").measured)
        #expect(measured.low == 1 && measured.high == 2)
        #expect(try result(report, "two").verdict == .consistent)
        let many = try result(report, "many")
        #expect(many.verdict == .notMeasurable)
        #expect(many.reason.contains("the gazetteer knows only 2 settlements inside the estimate"))
    }

    @Test func peopleAndDailyAdvancesAreNotMeasured() throws {
        let report = try check(
            [
                claim("fled", .fled, .single(11000), .people, .about, quantity: .people),
                claim("prisoners", .other, .single(100), .people, .moreThan, quantity: .people),
                claim("per-day", .advancePerDay, .range(low: 1, high: 2), .kilometers, .range, quantity: .advance),
                claim("wrong-unit", .distanceToBorder, .single(5), .squareKilometers, place: "x"),
            ], places: [point("x", .village, village)])
        #expect(try result(report, "fled").reason == "no geometry measures people")
        #expect(try result(report, "prisoners").reason == "no geometry measures people")
        #expect(try result(report, "per-day").reason.hasPrefix("a day's advance needs the front line on two days"))
        #expect(
            try result(report, "wrong-unit").reason.hasPrefix("a figure in km² does not measure distance_to_border"))
        #expect(report.checks.allSatisfy { $0.verdict == .notMeasurable && $0.measured == nil && $0.ratio == nil })
    }

    // MARK: Claims against each other

    /// "Two miles" and "one to two kilometres" for one statement: 3.219 km is above 1–2 km,
    /// and 2 read as km would agree.
    @Test func twoReportsOfOneStatementMustAgree() throws {
        let report = try check([
            claim("miles", .advancePerDay, .single(2), .miles, quantity: .advance, event: "held", sources: ["s"]),
            claim(
                "kilometres", .advancePerDay, .range(low: 1, high: 2), .kilometers, .range, quantity: .advance,
                event: "held",
                sources: ["t"]),
            claim(
                "same-outlet", .advancePerDay, .single(5), .kilometers, quantity: .advance, event: "held",
                sources: ["s"]),
        ])
        let pairs = report.crossChecks.filter { $0.kind == .sameStatement }
        // "same-outlet" shares a source with "miles": one outlet printing two figures is two statements.
        #expect(pairs.map(\.claimIDs) == [["kilometres", "miles"], ["kilometres", "same-outlet"]])
        let pair = try #require(pairs.first)
        #expect(pair.verdict == .understated)
        #expect(pair.reason == "kilometres is below miles; miles's 2 read in km would agree: a unit slip is likely")
        #expect(abs(try #require(pair.ratio) - 1.5 / (2 * 1.609344)) < 1e-12)
    }

    /// 100 km² no deeper than 12 km needs 8.3 km of front; the village spans 4 km of border.
    @Test func anAreaAndADepthImplyAFrontWidth() throws {
        let report = try check([
            claim("wide", .controlledPlusContested, .single(100), .squareKilometers, quantity: .area),
            claim("narrow", .controlledPlusContested, .single(40), .squareKilometers, quantity: .area),
            claim("deep", .depth, .single(12), .kilometers, .upTo, quantity: .depth),
        ])
        let pairs = Dictionary(uniqueKeysWithValues: report.crossChecks.map { ($0.claimIDs[0], $0) })
        #expect(try #require(pairs["wide"]).verdict == .overstated)
        #expect(try #require(pairs["wide"]).claimIDs == ["wide", "deep"])
        #expect(try #require(pairs["narrow"]).verdict == .consistent)
        let wide = try #require(pairs["wide"])
        #expect(abs(try #require(wide.ratio) - (100.0 / 12) / 4) < 0.01)
    }

    // MARK: Maps

    /// A map from elsewhere is compared beside the estimate, as its own column: 300 km² is more
    /// than the 0.2° × 0.1° box on the map (about 156 km²) allows, while the estimate, a lower
    /// bound, cannot decide.
    @Test func claimsAreAlsoMeasuredAgainstAMap() throws {
        let box = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 35.9, lat: 51), LonLat(lon: 36.1, lat: 51), LonLat(lon: 36.1, lat: 51.1),
                LonLat(lon: 35.9, lat: 51.1), LonLat(lon: 35.9, lat: 51),
            ])
        ])
        let area = world.geodesic.area(of: box) / 1e6
        let map = ReferenceMap(
            id: "theirs", title: "", source: "test", asOf: day("2024-08-09"), file: "",
            layers: [MapLayer(category: "held", definition: .controlled, geometry: box, areaSquareKilometers: area)],
            repairs: [])
        var timeline = world.timeline([world.event("held", .control, at: village, on: .day(heldDay))])
        timeline.claims = [
            claim("area", .controlled, .single(300), .squareKilometers, quantity: .area),
            // The map draws no grey zone, so it measures no claim that counts one.
            claim("total", .controlledPlusContested, .single(300), .squareKilometers, quantity: .area),
        ]
        let report = try ClaimChecker(
            timeline: timeline, gazetteer: world.gazetteer(), maps: [map], geodesic: world.geodesic
        ).check()
        let comparison = try #require(try result(report, "area").map)
        #expect(comparison.mapID == "theirs")
        #expect(comparison.areaSquareKilometers == area)
        #expect(comparison.verdict == .overstated)
        #expect(try result(report, "area").verdict == .notMeasurable)
        #expect(comparison.reason.contains("the map is of 2024-08-09, 1 day before the claim's date"))
        #expect(try result(report, "total").map == nil && result(report, "total").laterMap == nil)
        #expect(report.maps.map(\.map.id) == ["theirs"])
        #expect(report.areas.contains { $0.role == "map" && $0.areaSquareKilometers == area })
    }
}
