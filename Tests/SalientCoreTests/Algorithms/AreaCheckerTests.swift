import Foundation
import Testing

@testable import SalientCore

@Suite struct AreaCheckerTests {
    /// The octant between the equator and two meridians 90° apart is 1/8 of the WGS 84
    /// ellipsoid's surface: 510 065 621.724 km² / 8.
    @Test func octantHasAnEighthOfTheEarthsArea() throws {
        let checker = try AreaChecker(geodesic: try Fixtures.geodesic(), toleranceFraction: 0.01)
        let octant = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 0, lat: 0), LonLat(lon: 90, lat: 0), LonLat(lon: 0, lat: 90),
                LonLat(lon: 0, lat: 0),
            ])
        ])
        let check = try checker.check(
            index: 0, label: "octant", geometryType: "Polygon", geometry: octant,
            claimedAsWritten: "64 million km²", figure: ClaimedFigure(value: .single(64e6), unit: nil, hedge: .about),
            unit: .squareKilometers, repair: nil)
        #expect(abs(try #require(check.areaSquareKilometers) - 510_065_621.724 / 8) < 0.01)
        #expect(check.verdict == .consistent)
        // Claimed 1 % too high is still within the 1 % tolerance; 2 % is not, and the octant
        // reaches the pole, where Web Mercator has no area to compare with.
        let high = try checker.check(
            index: 0, label: "octant", geometryType: "Polygon", geometry: octant, claimedAsWritten: "",
            figure: ClaimedFigure(value: .single(65e6), unit: nil, hedge: .exact),
            unit: .squareKilometers, repair: nil)
        #expect(high.verdict == .overstated)
        #expect(!high.reason.contains("Mercator"))
    }

    /// A 0.5° × 0.3° box at 51°N: a rectangle in Web Mercator too, whose planar area is
    /// R²·Δλ·(ln tan(π/4 + φ₂/2) − ln tan(π/4 + φ₁/2)), about 2.5 times the geodesic one.
    @Test func aWebMercatorAreaIsRecognised() throws {
        let checker = try AreaChecker(geodesic: try Fixtures.geodesic(), toleranceFraction: 0.10)
        let box = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 35, lat: 51), LonLat(lon: 35.5, lat: 51), LonLat(lon: 35.5, lat: 51.3),
                LonLat(lon: 35, lat: 51.3), LonLat(lon: 35, lat: 51),
            ])
        ])
        func y(_ lat: Double) -> Double { log(tan(Double.pi / 4 + lat * Double.pi / 360)) }
        let mercator = 6_378_137.0 * 6_378_137.0 * (0.5 * Double.pi / 180) * (y(51.3) - y(51)) / 1e6
        #expect(abs(try checker.webMercatorArea(box) - mercator) / mercator < 1e-9)
        let check = try checker.check(
            index: 1, label: "box", geometryType: "Polygon", geometry: box,
            claimedAsWritten: "2963", figure: ClaimedFigure(value: .single(2963), unit: nil, hedge: .exact),
            unit: .squareKilometers, repair: nil)
        #expect(check.verdict == .overstated)
        #expect(check.reason.contains("it matches the planar area in Web Mercator (EPSG:3857)"))
        #expect(abs(try #require(check.ratio) - 2963 / (Fixtures.geodesic().area(of: box) / 1e6)) < 1e-12)
    }

    @Test func unclaimedAndNonArealFeaturesAreNotMeasurable() throws {
        let checker = try AreaChecker(geodesic: try Fixtures.geodesic(), toleranceFraction: 0.10)
        let line = try checker.check(
            index: 2, label: "front", geometryType: "LineString", geometry: nil, claimedAsWritten: "",
            figure: nil, unit: .squareKilometers, repair: nil)
        #expect(line.verdict == .notMeasurable && line.reason == "a LineString has no area")
        let box = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 35, lat: 51), LonLat(lon: 35.5, lat: 51), LonLat(lon: 35.5, lat: 51.3),
                LonLat(lon: 35, lat: 51),
            ])
        ])
        let silent = try checker.check(
            index: 3, label: "quiet", geometryType: "Polygon", geometry: box, claimedAsWritten: "",
            figure: nil, unit: .squareKilometers, repair: nil)
        #expect(silent.verdict == .notMeasurable && silent.reason == "the feature states no area")
        #expect(silent.areaSquareKilometers != nil)
    }
}
