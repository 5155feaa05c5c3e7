/// Measures from one place in an azimuthal equidistant projection centred on it: planar
/// distances from the centre are geodesic distances there, so the nearest point GEOS finds is
/// the geodesically nearest one. Lengths are then taken with geod_inverse, not in the plane.
final class PlaceFrame {
    let center: LonLat
    private let geos: GEOSContext
    private let projector: Projector
    private let origin: GEOSObject

    init(center: LonLat, proj: PROJContext) throws {
        self.center = center
        geos = try GEOSContext()
        projector = try LocalMetricProjection(center: center).makeProjector(context: proj)
        origin = try geos.point(projector.project(center))
    }

    /// The point of `lines` nearest the centre.
    func nearestPoint(on lines: MultiLineString<LonLat>) throws -> LonLat {
        let planar = try geos.multiLineString(projector.project(lines))
        return try projector.unproject([origin.nearestPoints(to: planar).1])[0]
    }

    /// The point of the areas nearest the centre, and whether the centre lies inside them
    /// (then the point is the centre itself); nil when the areas are empty. The areas are
    /// measured one by one: tiers that share an edge need not union cleanly once reprojected.
    func nearestPoint(on areas: [MultiPolygon<LonLat>]) throws -> (point: LonLat, inside: Bool)? {
        var nearest: (distance: Double, point: PlanarPoint)?
        for area in areas where !area.isEmpty {
            let shape = try geos.multiPolygon(projector.project(area))
            if try shape.contains(origin) { return (center, true) }
            let (_, point) = try origin.nearestPoints(to: shape)
            let distance = try origin.distance(to: shape)
            if distance < nearest?.distance ?? .infinity { nearest = (distance, point) }
        }
        guard let nearest else { return nil }
        return (try projector.unproject([nearest.point])[0], false)
    }
}
