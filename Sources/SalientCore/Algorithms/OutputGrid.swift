/// The lon/lat grid every written coordinate lies on: 6 decimals, about 0.1 m on the ground.
public enum OutputGrid {
    public static let decimals = 6
    /// The grid's cell in degrees, as GEOS takes it.
    public static let cellDegrees = 1e-6
    /// Grid points per degree: a coordinate on the grid is `k / pointsPerDegree` for an integer k.
    static let pointsPerDegree = 1e6

    /// Polygons exactly as they are written: cut at ±180° (RFC 7946 §3.1.9), every vertex on the
    /// grid, and valid as printed. Printing rounds nothing more, so the area measured on these
    /// is the area of the written coordinates. Rounding coordinates after clipping, as printing
    /// alone did, made sub-metre spikes where a tier meets the territory's edge; GEOS snap-rounds
    /// the edges instead.
    static func polygons(_ multi: MultiPolygon<LonLat>, context: GEOSContext) throws -> MultiPolygon<LonLat> {
        guard !multi.isEmpty else { return multi }
        var shape = try context.multiPolygon(multi.mapRings(AntimeridianSplit.planar))
        // Unprojected, a shape that is valid in the plane can cross itself by micrometres.
        if try !shape.isValid { shape = try shape.madeValid() }
        let inRange = try AntimeridianSplit.pieces(of: shape)
        var written = try snapped(context.multiPolygon(inRange.mapRings(AntimeridianSplit.planar)))
        // GEOS promises valid output from snapping; should the exact grid values fall short,
        // repair and snap the repair's new vertices, a bounded number of times.
        for repairs in 0... {
            let check = try context.multiPolygon(written.mapRings(AntimeridianSplit.planar))
            guard let reason = try check.invalidityReason() else { break }
            guard repairs < 3 else {
                throw GEOSError(operation: "GEOSGeom_setPrecision_r", messages: ["snapped shape is invalid: \(reason)"])
            }
            written = try snapped(check.madeValid())
        }
        return written
    }

    /// GEOS's snap-rounding, in canonical form, each coordinate then made exactly the double
    /// nearest its grid point (GEOS can leave it an ulp off, k × 1e-6 rather than k / 1e6), which
    /// is the value a printed coordinate parses to.
    private static func snapped(_ shape: GEOSObject) throws -> MultiPolygon<LonLat> {
        try shape.snapped(toGrid: cellDegrees).normalized().polygons().mapRings { ring in
            ring.map { LonLat(lon: onGrid($0.x), lat: onGrid($0.y)) }
        }
    }

    /// The grid value nearest `degrees`, as `k / 1e6` exactly.
    public static func onGrid(_ degrees: Double) -> Double {
        (degrees * pointsPerDegree).rounded() / pointsPerDegree
    }
}
