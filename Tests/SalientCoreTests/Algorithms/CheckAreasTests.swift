import Foundation
import Testing

@testable import SalientCore

/// The areas `check` writes beside its report are valid as written, like the export's.
@Suite struct CheckAreasTests {
    /// An area claim over a village held and a village fought over: among the areas recorded is
    /// the estimate's upper bound, both tiers as one area. The tiers share the
    /// controlled tier's edge, so listed side by side they would make an invalid MultiPolygon;
    /// every recorded area is valid as a whole and measured on its own coordinates.
    @Test func everyRecordedAreaIsValidAndMeasuredAsWritten() throws {
        let world = try SyntheticWorld()
        let held = day("2024-08-10")
        let events = [
            world.event("held", .control, at: world.north(ofBorderAt: 36, kilometers: 10), on: .day(held)),
            world.event("fought", .contested, at: world.north(ofBorderAt: 36.3, kilometers: 14), on: .day(held)),
        ]
        var timeline = world.timeline(events)
        timeline.claims = [
            Claim(
                id: "area", eventID: "", claimant: "Someone", stated: held, asOf: held, dateNote: "",
                quantity: .area, definition: .controlledPlusContested, value: .single(500),
                unit: .squareKilometers, hedge: .about, asWritten: "", placeID: "", to: "",
                sourceIDs: ["s"])
        ]
        let checker = try ClaimChecker(timeline: timeline, gazetteer: world.gazetteer(), geodesic: world.geodesic)
        let report = try checker.check()
        let geos = try GEOSContext()
        #expect(report.areas.contains { $0.role == "estimate_upper_bound" })
        for area in report.areas {
            let shape = try geos.multiPolygon(area.geometry.mapRings { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } })
            let reason = try shape.invalidityReason()
            #expect(reason == nil, "\(area.role): \(reason ?? "")")
            let measured = world.geodesic.area(of: area.geometry) / 1e6
            let printed = String(format: "%.3f", area.areaSquareKilometers)
            #expect(String(format: "%.3f", measured) == printed, "\(area.role)")
        }
    }
}
