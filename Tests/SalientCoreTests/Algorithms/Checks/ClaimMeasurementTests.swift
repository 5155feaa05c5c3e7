import Foundation
import Testing

@testable import SalientCore

@Suite struct ClaimMeasurementTests {
    func line(_ label: String, _ claim: String, length: Double, role: String = "depth") -> MeasuredLine {
        MeasuredLine(
            role: role, claimIDs: [claim], asOf: day("2024-08-10"), label: label, points: [],
            lengthKilometers: length)
    }

    /// One key holds one geometry, the first measured; the claims accumulate, sorted; the
    /// lines come sorted by role, day and label.
    @Test func measuredGeometryKeepsOneLinePerKey() {
        var geometry = MeasuredGeometry()
        geometry.add(line("b", "z", length: 1))
        geometry.add(line("a", "y", length: 2))
        geometry.add(line("b", "x", length: 3))
        geometry.add(line("a", "w", length: 4, role: "border_stretch"))
        let (lines, areas) = geometry.merged()
        #expect(lines.map { "\($0.role) \($0.label)" } == ["border_stretch a", "depth a", "depth b"])
        #expect(lines[2].claimIDs == ["x", "z"] && lines[2].lengthKilometers == 1)
        #expect(areas.isEmpty)
    }

    /// A kilometre per end that is a place, on top of the ends' own uncertainties.
    @Test func aDistancesEndsSetItsLeastAllowance() {
        let ends = [
            DistanceEnd(name: "a", uncertaintyMeters: 500, isPlace: true),
            DistanceEnd(name: "the border", uncertaintyMeters: 2000, isPlace: false),
        ]
        let (minimum, extent) = DistanceEnd.minimumKilometers(ends)
        #expect(extent == ClaimChecker.placeExtentKilometers)
        #expect(minimum == 0.5 + 2 + ClaimChecker.placeExtentKilometers)
    }

    @Test func aRatioNeedsAFiniteClaimAndAPositiveMeasurement() {
        #expect(claimRatio(30, 12) == 2.5)
        #expect(claimRatio(30, 0) == nil)
        #expect(claimRatio(.infinity, 12) == nil)
    }
}
