import Foundation

/// One polygon from elsewhere, measured against the area its own properties claim.
public struct AreaCheck: Hashable, Sendable {
    /// Position in the file's features, from 0.
    public var index: Int
    /// The feature's id or name, or "feature N".
    public var label: String
    public var geometryType: String
    /// Geodesic area on WGS 84, square kilometres; nil when the geometry is not areal.
    public var areaSquareKilometers: Double?
    /// The claimed-area property as written in the file.
    public var claimedAsWritten: String
    public var claimed: ClaimedInterval?
    /// The claim in km², with the conversion shown.
    public var claimedText: String
    public var ratio: Double?
    public var verdict: Verdict
    public var reason: String
    public var tolerance: String
    /// What GEOSMakeValid repaired, if anything.
    public var repair: String?
}

/// Measures polygons from another project (a front-line archive, someone's control map)
/// geodesically and judges the area each claims for itself.
public final class AreaChecker {
    private let geodesic: Geodesic
    private let tolerance: Tolerance
    private let geos: GEOSContext
    private let webMercator: Transformation
    private let spherical = SphericalAreaReading()

    /// - Parameter toleranceFraction: how far the claimed area may be off, e.g. 0.1 for ±10 %.
    public init(geodesic: Geodesic, toleranceFraction: Double) throws {
        self.geodesic = geodesic
        tolerance = Tolerance(
            fraction: toleranceFraction,
            text: "±\(QuantityFormat.trimmed(toleranceFraction * 100)) % of the measured area")
        geos = try GEOSContext()
        webMercator = try Transformation(context: try PROJContext(), from: "EPSG:4326", to: "EPSG:3857")
    }

    /// - Parameters:
    ///   - figure: the claimed area as read from the property, nil when the feature has none;
    ///   - unit: the unit of the figure (its own, or the default the user gave).
    public func check(
        index: Int, label: String, geometryType: String, geometry: MultiPolygon<LonLat>?,
        claimedAsWritten: String, figure: ClaimedFigure?, unit: ClaimUnit, repair: String?
    ) throws -> AreaCheck {
        let area = geometry.map { geodesic.area(of: $0) / 1e6 }
        var check = AreaCheck(
            index: index, label: label, geometryType: geometryType, areaSquareKilometers: area,
            claimedAsWritten: claimedAsWritten, claimed: nil, claimedText: "—", ratio: nil,
            verdict: .notMeasurable, reason: "", tolerance: "", repair: repair)
        if let figure {
            check.claimed = ClaimedInterval(value: figure.value, unit: unit, hedge: figure.hedge)
            check.claimedText = QuantityFormat.conversion(value: figure.value, unit: unit, hedge: figure.hedge)
        }
        guard let area, let geometry else {
            check.reason = "a \(geometryType == "none" ? "feature without geometry" : geometryType) has no area"
            return check
        }
        guard let claimed = check.claimed else {
            check.reason = "the feature states no area"
            return check
        }
        let measured = Measured(
            low: area, high: area, reference: area, unit: .squareKilometers, tolerance: tolerance,
            text: "geodesic area on WGS 84")
        let judgement = ClaimJudge.judge(claimed, against: measured)
        check.verdict = judgement.verdict
        check.reason = judgement.reason
        check.tolerance = tolerance.text
        check.ratio = area > 0 && claimed.nominal.isFinite ? claimed.nominal / area : nil
        // Areas measured on a Web Mercator map are the commonest mistake: they grow with
        // 1/cos² of the latitude (2.5 times at 51°N). Say so when the claim matches one. An
        // open-ended claim ("at least X") would match any larger area, so only bounded ones are
        // tried; and Web Mercator ends at ±85.06°, beyond which there is nothing to compare.
        if judgement.verdict != .consistent, claimed.high.isFinite, let mercator = try? webMercatorArea(geometry) {
            let asMercator = Measured(
                low: mercator, high: mercator, reference: mercator, unit: .squareKilometers,
                tolerance: tolerance, text: "")
            if ClaimJudge.judge(claimed, against: asMercator).verdict == .consistent {
                check.reason +=
                    "; it matches the planar area in Web Mercator (EPSG:3857), "
                    + "\(QuantityFormat.measured(mercator, .squareKilometers)): the figure was measured on the map, not on the ground"
            }
        }
        if let note = sphericalNote(figure, unit: unit, claimed: claimed, area: area, geometry: geometry) {
            check.reason += note
        }
        return check
    }

    /// Said whatever the verdict: a figure from a sphere is off by less than any news-style
    /// tolerance, so it is usually "consistent", and the note says why it is not exact.
    private func sphericalNote(
        _ figure: ClaimedFigure?, unit: ClaimUnit, claimed: ClaimedInterval, area: Double,
        geometry: MultiPolygon<LonLat>
    ) -> String? {
        guard let figure, figure.hedge == .exact, case .single(let value) = figure.value else { return nil }
        let resolution = SphericalAreaReading.resolution(of: value) * unit.toCanonical
        guard
            let match = spherical.match(
                claimed: claimed.nominal, resolution: resolution, ellipsoidal: area, geometry: geometry)
        else { return nil }
        let percent = QuantityFormat.trimmed(abs(match.relativeDifference) * 100, decimals: 2)
        return "; it matches the area on \(match.sphereText), "
            + "\(QuantityFormat.measured(match.area, .squareKilometers)), \(percent) % "
            + "\(match.relativeDifference < 0 ? "below" : "above") the ellipsoid's: the figure was computed on a sphere, not on WGS 84"
    }

    /// Planar area in EPSG:3857, square kilometres: what a tool measuring "on the map" reports.
    func webMercatorArea(_ geometry: MultiPolygon<LonLat>) throws -> Double {
        let planar = try geometry.mapRings { ring -> [PlanarPoint] in
            var xs = ring.map(\.lon)
            var ys = ring.map(\.lat)
            try webMercator.transform(&xs, &ys, forward: true)
            return zip(xs, ys).map { PlanarPoint(x: $0, y: $1) }
        }
        return try geos.multiPolygon(planar).planarArea() / 1e6
    }
}
