import Foundation
import Testing

@testable import SalientCore

/// The words the measures' values are put in; every number goes through `QuantityFormat`.
@Suite struct CheckProseTests {
    @Test func theEvidenceNamesThePlacesLocatedPrecisely() {
        let places = ["Russkoye Porechnoye", "Sudzha"]
        #expect(
            CheckProse.text(EvidenceBase(day: day("2024-08-14"), precisePlaces: places, coarseReports: 1))
                == "the estimate of 2024-08-14 rests on 2 places located precisely (Russkoye Porechnoye, Sudzha) "
                + "and 1 report located only to a district")
        #expect(
            CheckProse.text(EvidenceBase(day: day("2024-08-14"), precisePlaces: [], coarseReports: 2))
                == "the estimate of 2024-08-14 rests on no place located precisely and 2 reports located only to a "
                + "district")
    }

    @Test func aDistancesToleranceListsWhatItAllows() {
        let tolerance = CheckProse.tolerance([
            DistanceEnd(name: "Sudzha", uncertaintyMeters: 500, isPlace: true),
            DistanceEnd(name: "the border", uncertaintyMeters: 250, isPlace: false),
        ])
        #expect(tolerance.fraction == ClaimChecker.relativeTolerance)
        #expect(tolerance.minimum == 0.5 + 0.25 + 1)
        #expect(
            tolerance.text
                == "±10 % or 1.75 km (Sudzha ±0.5 km, the border ±0.25 km, 1 km per place for its extent), "
                + "whichever is larger")
    }

    @Test func aDepthsOutcomeCarriesItsBoundsInWords() {
        let depth = DepthMeasurement(
            day: day("2024-08-10"), controlled: 12, total: 16,
            farthest: .init(name: "Sudzha", kilometers: 10, radiusKilometers: 2, reached: 8),
            evidence: EvidenceBase(day: day("2024-08-10"), precisePlaces: ["Sudzha"], coarseReports: 0),
            borderUncertaintyMeters: 100)
        let outcome = CheckProse.outcome(depth)
        #expect(outcome.measured.low == 12 && outcome.measured.high == 16 && outcome.measured.reference == 16)
        #expect(
            outcome.measured.text
                == "the estimate of 2024-08-10 reaches 12.0 km from the border (controlled) to 16.0 km "
                + "(controlled + contested)")
        #expect(outcome.measured.tolerance.minimum == 0.1)
        #expect(
            outcome.lower
                == EvidenceBound(
                    value: 8,
                    text: "the reported place farthest from the border, Sudzha (10.0 km less the 2 km it stands for)"))
        #expect(
            outcome.above
                == .undecidable(
                    "the estimate of 2024-08-10 rests on 1 place located precisely (Sudzha), so deeper ground cannot be "
                        + "ruled out"))
        #expect(outcome.below == .contradicts)
    }

    @Test func everyReasonForNotMeasuringIsPutInWords() throws {
        let world = try SyntheticWorld()
        #expect(
            CheckProse.text(
                .unitMismatch(
                    given: .squareKilometers, definition: .distanceToBorder,
                    expected: .kilometers))
                == "a figure in km² does not measure distance_to_border, which is in km")
        #expect(CheckProse.text(.people) == "no geometry measures people")
        #expect(
            CheckProse.text(.notAPoint(world.territory))
                == "North is a region drawn as an area or a line; distances run between points")
        #expect(
            CheckProse.text(.nothingOnTheGround(day("2024-08-09")))
                == "nothing is reported on the ground by 2024-08-09")
    }

    /// A map a day older or two days newer than the claim says so beside the verdict, and
    /// names the layers it measured with the map's own categories.
    @Test func aMapComparisonNotesItsDateAndTheLayersMeasured() {
        let layers = [
            MapLayer(
                category: "liberated", definition: .controlled, geometry: MultiPolygon(), areaSquareKilometers: 60),
            MapLayer(category: "unknown", definition: .greyZone, geometry: MultiPolygon(), areaSquareKilometers: 40),
        ]
        let map = ReferenceMap(
            id: "theirs", title: "", source: "", asOf: day("2024-08-09"), file: "", layers: layers, repairs: [])
        func comparison(daysBefore: Int) -> MapComparison {
            CheckProse.mapComparison(
                MapMatch(
                    map: map, layers: layers, areaSquareKilometers: 100, claimDefinition: .controlledPlusContested,
                    daysBefore: daysBefore, ratio: 3,
                    judgement: ClaimJudge.Judgement(verdict: .overstated, reason: "above")))
        }
        let before = comparison(daysBefore: 1)
        #expect(before.verdict == .overstated && before.ratio == 3 && before.areaSquareKilometers == 100)
        #expect(before.depicts == "controlled + grey_zone (liberated, unknown)")
        #expect(before.reason == "above; the map is of 2024-08-09, 1 day before the claim's date")
        #expect(comparison(daysBefore: -2).reason == "above; the map is of 2024-08-09, 2 days after the claim's date")
        #expect(comparison(daysBefore: 0).reason == "above")
    }
}
