import Foundation
import Testing

@testable import SalientCore

/// Spherical areas through PROJ's geodesics with zero flattening, against the closed form of a
/// lat-lon rectangle on a sphere, R²·Δλ·|sin φ₂ − sin φ₁|, and the reading of figures made so.
@Suite struct SphericalAreaReadingTests {
    /// A ring along two meridians and two parallels, the parallels in `steps` pieces so that
    /// geodesic edges follow them (each piece's bulge is below 1 m² here).
    static func rectangle(west: Double, east: Double, south: Double, north: Double, steps: Int) -> MultiPolygon<LonLat>
    {
        let along = (0...steps).map { west + (east - west) * Double($0) / Double(steps) }
        let ring =
            along.map { LonLat(lon: $0, lat: south) } + along.reversed().map { LonLat(lon: $0, lat: north) }
            + [LonLat(lon: west, lat: south)]
        return MultiPolygon([Polygon(exterior: ring)])
    }

    static func closedForm(radius: Double, west: Double, east: Double, south: Double, north: Double) -> Double {
        let radians = Double.pi / 180
        return radius * radius * (east - west) * radians * abs(sin(north * radians) - sin(south * radians)) / 1e6
    }

    /// The equator and the meridians are geodesics of a sphere, so the triangle from the
    /// equator to the pole is exactly a rectangle with φ₁ = 0 and φ₂ = 90°: R²·Δλ.
    @Test(arguments: SphericalAreaReading.spheres.map(\.radiusMeters))
    func equatorToPoleTriangleIsItsClosedForm(_ radius: Double) {
        let triangle = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 10, lat: 0), LonLat(lon: 40, lat: 0), LonLat(lon: 10, lat: 90), LonLat(lon: 10, lat: 0),
            ])
        ])
        let index = SphericalAreaReading.spheres.firstIndex { $0.radiusMeters == radius }!
        let area = SphericalAreaReading().areas(of: triangle)[index]
        let expected = Self.closedForm(radius: radius, west: 10, east: 40, south: 0, north: 90)
        #expect(abs(area - expected) / expected < 1e-12)
    }

    @Test func rectangleAtKurskIsItsClosedFormOnBothSpheres() throws {
        let box = Self.rectangle(west: 35, east: 35.5, south: 51, north: 51.3, steps: 50)
        let areas = SphericalAreaReading().areas(of: box)
        for (sphere, area) in zip(SphericalAreaReading.spheres, areas) {
            let expected = Self.closedForm(radius: sphere.radiusMeters, west: 35, east: 35.5, south: 51, north: 51.3)
            #expect(abs(area - expected) < 1e-3)  // km²: the densified parallels' bulge
        }
        // Both lie 0.1–0.4 % below the ellipsoid at 51°N (0.36 % and 0.14 %).
        let ellipsoidal = try Fixtures.geodesic().area(of: box) / 1e6
        #expect(areas.allSatisfy { $0 / ellipsoidal - 1 < -0.001 && $0 / ellipsoidal - 1 > -0.004 })
    }

    @Test func figuresPreciseEnoughToTellTheAreasApartAreRead() throws {
        let box = Self.rectangle(west: 35, east: 35.5, south: 51, north: 51.3, steps: 50)
        let ellipsoidal = try Fixtures.geodesic().area(of: box) / 1e6
        let reading = SphericalAreaReading()
        func match(_ claimed: Double) -> SphericalAreaReading.Match? {
            reading.match(
                claimed: claimed, resolution: SphericalAreaReading.resolution(of: claimed), ellipsoidal: ellipsoidal,
                geometry: box)
        }
        // 1,163.392 and 1,165.996 km² on the two spheres; 1,167.6 on the ellipsoid.
        #expect(match(1163.4)?.sphereText == SphericalAreaReading.spheres[0].text)
        #expect(match(1166)?.sphereText == SphericalAreaReading.spheres[1].text)
        #expect(abs((match(1163.4)?.relativeDifference ?? 0) - (1163.3915 / ellipsoidal - 1)) < 1e-6)
        #expect(match((ellipsoidal * 10).rounded() / 10) == nil)
        // A round figure cannot tell them apart (1,160 is within 5 of both spheres' areas), nor
        // can one far from every area.
        #expect(match(1160) == nil)
        #expect(match(1150.5) == nil)
    }

    @Test(arguments: [(1167.6, 0.1), (2963, 1), (1000, 1000), (1_160, 10), (0.25, 0.01), (1166.0, 1)])
    func resolutionIsTheLastSignificantDigit(_ value: Double, _ unit: Double) {
        #expect(abs(SphericalAreaReading.resolution(of: value) - unit) < unit * 1e-9)
    }

    @Test func theCheckerSaysSoInItsVerdict() throws {
        let checker = try AreaChecker(geodesic: try Fixtures.geodesic(), toleranceFraction: 0.001)
        let box = Self.rectangle(west: 35, east: 35.5, south: 51, north: 51.3, steps: 50)
        let check = try checker.check(
            index: 0, label: "turf", geometryType: "Polygon", geometry: box, claimedAsWritten: "1163.4",
            figure: ClaimedFigure(value: .single(1163.4), unit: nil, hedge: .exact), unit: .squareKilometers,
            repair: nil)
        // ±0.1 % of 1,167.6 km² does not reach 1,163.4: understated, and the reason says why.
        #expect(check.verdict == .understated)
        #expect(
            check.reason.hasSuffix(
                "; it matches the area on a sphere of R = 6,371,008.8 m (the mean Earth radius), 1,163.4 km², 0.36 % below the ellipsoid's: the figure was computed on a sphere, not on WGS 84"
            ))
        let hedged = try checker.check(
            index: 0, label: "turf", geometryType: "Polygon", geometry: box, claimedAsWritten: "about 1163.4",
            figure: ClaimedFigure(value: .single(1163.4), unit: nil, hedge: .about), unit: .squareKilometers,
            repair: nil)
        #expect(!hedged.reason.contains("sphere"))
    }
}
