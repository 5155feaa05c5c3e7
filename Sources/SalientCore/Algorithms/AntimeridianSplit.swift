/// Splits polygons whose longitudes run past ±180° (as unprojection leaves shapes that cross
/// the antimeridian) into parts within [-180, 180], as RFC 7946 §3.1.9 asks.
public enum AntimeridianSplit {
    public static func split(_ multi: MultiPolygon<LonLat>, context: GEOSContext) throws -> MultiPolygon<LonLat> {
        let longitudes = multi.polygons.flatMap { $0.exterior.map(\.lon) }
        guard let west = longitudes.min(), let east = longitudes.max(), west < -180 || east > 180 else { return multi }
        // GEOS in the lon/lat plane: cutting along a meridian is exactly a planar clip there.
        let shape = try context.multiPolygon(multi.mapRings { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } })
        var parts: [Polygon<LonLat>] = []
        for shift in [-360.0, 0, 360] {
            let band = try context.polygon(Polygon(exterior: [
                PlanarPoint(x: -180 - shift, y: -90), PlanarPoint(x: 180 - shift, y: -90),
                PlanarPoint(x: 180 - shift, y: 90), PlanarPoint(x: -180 - shift, y: 90), PlanarPoint(x: -180 - shift, y: -90),
            ]))
            let piece = try shape.intersection(band).polygons()
            parts += piece.mapRings { $0.map { LonLat(lon: $0.x + shift, lat: $0.y) } }.polygons
        }
        return MultiPolygon(parts)
    }
}
