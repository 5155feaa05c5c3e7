import SalientCore

/// Shared reference values. Positions come from the project's gazetteer (GeoNames records).
enum Fixtures {
    static let sudzha = LonLat(lon: 35.271, lat: 51.191)  // GeoNames 486816
    static let kursk = LonLat(lon: 36.18457, lat: 51.72689)  // GeoNames 538560

    static func geodesic() throws -> Geodesic { try Geodesic.wgs84() }

    /// A closed square ring of planar points.
    static func square(x: Double, y: Double, side: Double) -> [PlanarPoint] {
        [
            PlanarPoint(x: x, y: y), PlanarPoint(x: x + side, y: y), PlanarPoint(x: x + side, y: y + side),
            PlanarPoint(x: x, y: y + side), PlanarPoint(x: x, y: y),
        ]
    }
}
