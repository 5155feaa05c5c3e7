/// The estimator's plane: the territory and the border projected into it, and shapes
/// brought back to lon/lat as they are written.
extension ControlAreaEstimator {
    /// Longest step, in degrees of longitude or latitude, between the vertices of a territory
    /// or border before projection. A straight lon/lat edge projects to a curve, and a long
    /// edge drawn as one chord misses it (by kilometres for an edge of tens of degrees); at
    /// 0.01° the chord is within 2 cm of the curve near the centre, below the output grid.
    static let densifyDegrees = 0.01

    /// A territory polygon in the estimate's plane. Densified first; repaired after projecting,
    /// since a polygon valid in lon/lat can cross itself in the plane (a hole touching its shell
    /// mid-edge lands a hair outside the projected edge). The projection maps the polygon's
    /// antipode, if the polygon holds it, to the rim of its disc, so such a polygon (the whole
    /// globe, say) is the disc less the inside of its projected rings.
    static func planarTerritory(
        _ polygon: Polygon<LonLat>, geos: GEOSContext,
        projector: Projector
    ) throws -> GEOSObject {
        let rings = try polygon.rings.map { try projector.project(densified($0, geos: geos)) }
        let center = projector.center
        let antipode = LonLat(lon: center.lon > 0 ? center.lon - 180 : center.lon + 180, lat: -center.lat)
        let inLonLat = try geos.polygon(polygon.mapPoints { PlanarPoint(x: $0.lon, y: $0.lat) })
        guard try inLonLat.contains(geos.point(PlanarPoint(x: antipode.lon, y: antipode.lat))) else {
            return try validArea(geos.polygon(Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))))
        }
        // Beyond the farthest point of the ellipsoid from the centre (20,004 km along a meridian).
        var outside = try geos.point(PlanarPoint(x: 0, y: 0)).buffered(byMeters: 20_100_000)
        for ring in rings {
            outside = try outside.difference(validArea(geos.polygon(Polygon(exterior: ring))))
        }
        return outside
    }

    /// The shape if valid, else its repair's polygons: overlays refuse invalid input, and a
    /// repair can leave lines where a ring collapsed, which overlays refuse mixed with areas.
    static func validArea(_ shape: GEOSObject) throws -> GEOSObject {
        try shape.isValid ? shape : shape.context.multiPolygon(shape.madeValid().polygons())
    }

    /// The border in the estimate's plane: each line unwrapped round the projection's centre
    /// and joined to the lines it meets there, so that a border RFC 7946 splits at ±180° is one
    /// line again, then densified like the territory.
    static func planarBorder(
        _ lines: MultiLineString<LonLat>, geos: GEOSContext,
        projector: Projector
    ) throws -> GEOSObject {
        var unwrapped = lines.mapLines { Self.unwrapped($0, around: projector.center.lon) }
        if unwrapped.lines.count > 1 {
            let merged = try geos.multiLineString(unwrapped.mapLines(AntimeridianSplit.planar)).lineMerged()
            unwrapped = try merged.lines().mapLines { AntimeridianSplit.lonLat($0, shifted: 0) }
        }
        let projected = try unwrapped.lines.map { try projector.project(densified($0, geos: geos)) }
        return try geos.multiLineString(MultiLineString(projected))
    }

    /// Longitudes moved by whole turns, each to within 180° of the one before (the first, of
    /// `lon`), so that a line crossing ±180° runs on without a jump.
    static func unwrapped(_ line: [LonLat], around lon: Double) -> [LonLat] {
        var previous = lon
        return line.map { p in
            var shifted = p.lon
            while shifted - previous > 180 { shifted -= 360 }
            while shifted - previous < -180 { shifted += 360 }
            previous = shifted
            return LonLat(lon: shifted, lat: p.lat)
        }
    }

    /// Longest edge, metres, of a shape in the plane before it is unprojected. Its lon/lat
    /// vertices are joined by straight lon/lat lines where it is drawn (RFC 7946) and by
    /// geodesics where it is measured; over 1 km both stay within 0.1 m of the planar edge up
    /// to 75° of latitude, and a cut at ±180° lands on the edge, not kilometres off a long one.
    static let unprojectStepMeters = 1000.0

    /// A shape in the plane as it is written: densified, unprojected, split and snapped.
    func writtenPolygons(_ shape: GEOSObject) throws -> MultiPolygon<LonLat> {
        let planar = try shape.polygons().mapRings { ring in
            try geos.lineString(ring).densified(maxSegmentMeters: Self.unprojectStepMeters).lines().lines.first ?? ring
        }
        return try OutputGrid.polygons(projector.unproject(planar), context: geos)
    }

    /// A lon/lat ring or line with vertices added so that no step exceeds `densifyDegrees`.
    static func densified(_ points: [LonLat], geos: GEOSContext) throws -> [LonLat] {
        guard points.count >= 2 else { return points }
        let line = try geos.lineString(AntimeridianSplit.planar(points)).densified(maxSegmentLength: densifyDegrees)
        return try line.lines().lines.first.map { AntimeridianSplit.lonLat($0, shifted: 0) } ?? points
    }
}
