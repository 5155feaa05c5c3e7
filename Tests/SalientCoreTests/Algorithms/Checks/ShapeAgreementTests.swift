import Foundation
// Not @testable: the benchmark's accuracy report measures with ShapeAgreement from outside the
// module, so these tests use its public interface only.
import SalientCore
import Testing

/// Two squares of 0.2° on the equator, the second shifted east by half its side: they share
/// half of each, so IoU is 1/3 and each difference is a 0.1° × 0.2° rectangle, whose area on
/// the ellipsoid has a closed form. (On the equator the squares' geodesic edges follow the
/// parallels to within 10⁻⁶ of the area.)
@Suite struct ShapeAgreementTests {
    static func square(west: Double, side: Double = 0.2) -> MultiPolygon<LonLat> {
        MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: west, lat: 0), LonLat(lon: west + side, lat: 0), LonLat(lon: west + side, lat: side),
                LonLat(lon: west, lat: side), LonLat(lon: west, lat: 0),
            ])
        ])
    }

    /// The area between the equator and latitude φ per radian of longitude on an ellipsoid of
    /// revolution: b²/2 · (sin φ / (1 − e² sin² φ) + artanh(e sin φ) / e).
    static func zoneArea(latitude: Double, geodesic: Geodesic) -> Double {
        let a = geodesic.semiMajorAxis
        let f = geodesic.flattening
        let b = a * (1 - f)
        let e = (f * (2 - f)).squareRoot()
        let s = sin(latitude * Double.pi / 180)
        return b * b / 2 * (s / (1 - e * e * s * s) + atanh(e * s) / e)
    }

    @Test func offsetSquaresAgreeOnAThird() throws {
        let geodesic = try Fixtures.geodesic()
        let agreement = try ShapeAgreement.compare(
            estimate: Self.square(west: 0), map: Self.square(west: 0.1), geodesic: geodesic)
        let strip = 0.1 * Double.pi / 180 * Self.zoneArea(latitude: 0.2, geodesic: geodesic) / 1e6
        #expect(abs(try #require(agreement.intersectionOverUnion) - 1.0 / 3) < 1e-6)
        #expect(abs(agreement.intersectionSquareKilometers - strip) / strip < 1e-6)
        #expect(abs(agreement.unionSquareKilometers - 3 * strip) / strip < 1e-6)
        for difference in [agreement.estimateOutsideMap, agreement.mapOutsideEstimate] {
            #expect(abs(difference.areaSquareKilometers - strip) / strip < 1e-6)
            #expect(try difference.geometry.isValid)
        }
        // The estimate outside the map is its western half, the map outside the estimate the eastern strip.
        #expect(agreement.estimateOutsideMap.geometry.polygons.first?.exterior.allSatisfy { $0.lon <= 0.1 } == true)
        #expect(agreement.mapOutsideEstimate.geometry.polygons.first?.exterior.allSatisfy { $0.lon >= 0.2 } == true)
    }

    @Test func identicalShapesHaveIoUOneAndDisjointOnesZero() throws {
        let geodesic = try Fixtures.geodesic()
        let same = try ShapeAgreement.compare(
            estimate: Self.square(west: 0), map: Self.square(west: 0), geodesic: geodesic)
        #expect(same.intersectionOverUnion == 1 && same.estimateOutsideMap.geometry.isEmpty)
        let apart = try ShapeAgreement.compare(
            estimate: Self.square(west: 0), map: Self.square(west: 1), geodesic: geodesic)
        #expect(apart.intersectionOverUnion == 0)
        let none = try ShapeAgreement.compare(estimate: MultiPolygon(), map: MultiPolygon(), geodesic: geodesic)
        #expect(none.intersectionOverUnion == nil)
    }
}
