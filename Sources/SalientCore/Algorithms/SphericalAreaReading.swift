import Foundation

/// Recognises an area figure computed on a sphere rather than on the WGS 84 ellipsoid.
///
/// Published map areas are often spherical: Turf.js and most web-map measuring tools take
/// R = 6,378,137 m, others the IUGG mean radius R = 6,371,008.8 m. At 51°N these give 0.14 %
/// and 0.36 % less than the ellipsoid, a gap no news-style tolerance sees, so the reading is
/// made only from a figure precise enough to tell the areas apart: the figure must round each
/// area it is said to match, and the rounding must be finer than half the gap to every other.
struct SphericalAreaReading {
    struct Sphere: Sendable {
        var radiusMeters: Double
        var text: String
    }

    static let spheres = [
        Sphere(radiusMeters: 6_371_008.8, text: "a sphere of R = 6,371,008.8 m (the mean Earth radius)"),
        Sphere(
            radiusMeters: 6_378_137,
            text: "a sphere of R = 6,378,137 m (WGS 84's equatorial radius, as Turf.js and web maps use)"),
    ]

    struct Match: Equatable {
        var sphereText: String
        /// Square kilometres.
        var area: Double
        /// The spherical area relative to the ellipsoidal one, less 1 (negative: smaller).
        var relativeDifference: Double
    }

    /// The spheres' geodesics through PROJ's geodesic library with zero flattening.
    private let geodesics: [(Sphere, Geodesic)]

    init() {
        geodesics = Self.spheres.map { ($0, Geodesic(semiMajorAxis: $0.radiusMeters, flattening: 0)) }
    }

    /// The area of `geometry` on each sphere, square kilometres, in the order of `spheres`.
    func areas(of geometry: MultiPolygon<LonLat>) -> [Double] {
        geodesics.map { $0.1.area(of: geometry) / 1e6 }
    }

    /// The sphere whose area the figure gives, if the figure gives one and not the ellipsoid's.
    /// - Parameters:
    ///   - claimed: the figure in square kilometres;
    ///   - resolution: the unit of its last significant digit, in square kilometres;
    ///   - ellipsoidal: the geodesic area on WGS 84, square kilometres.
    func match(claimed: Double, resolution: Double, ellipsoidal: Double, geometry: MultiPolygon<LonLat>) -> Match? {
        let spherical = areas(of: geometry)
        let candidates = [ellipsoidal] + spherical
        // A rounded figure lies within half its last digit of the value rounded; 0.01 % more
        // allows for tools that sum the spherical excess with their own approximations.
        guard
            let nearest = candidates.indices.min(by: { abs(candidates[$0] - claimed) < abs(candidates[$1] - claimed) }),
            nearest > 0
        else { return nil }
        let area = candidates[nearest]
        let slack = max(resolution / 2, area * 1e-4)
        let gap = candidates.indices.filter { $0 != nearest }.map { abs(candidates[$0] - area) }.min() ?? 0
        guard abs(claimed - area) <= slack, slack < gap / 2 else { return nil }
        return Match(
            sphereText: Self.spheres[nearest - 1].text, area: area, relativeDifference: area / ellipsoidal - 1)
    }

    /// The unit of a number's last significant digit as its shortest decimal form writes it:
    /// 1167.6 → 0.1, 2963 → 1, 1000 → 1000 (trailing zeros of a whole number are not read as
    /// significant, so a round figure is never taken for a precise one).
    static func resolution(of value: Double) -> Double {
        guard value.isFinite, value != 0 else { return .infinity }
        var unit = 1.0
        var scaled = abs(value)
        var decimals = 0
        while decimals < 12, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            unit /= 10
            decimals += 1
        }
        guard decimals == 0 else { return unit }
        var whole = abs(value).rounded()
        while whole >= 10, (whole / 10).rounded() * 10 == whole {
            whole /= 10
            unit *= 10
        }
        return unit
    }
}
