/// Splits shapes whose longitudes run past ±180° (as unprojection leaves shapes that cross
/// the antimeridian) into parts within [-180, 180], as RFC 7946 §3.1.9 asks.
enum AntimeridianSplit {
    static func split(_ multi: MultiPolygon<LonLat>, context: GEOSContext) throws -> MultiPolygon<LonLat> {
        let longitudes = multi.polygons.flatMap { $0.exterior.map(\.lon) }
        guard let west = longitudes.min(), let east = longitudes.max(), west < -180 || east > 180 else { return multi }
        return try pieces(of: context.multiPolygon(multi.mapRings(planar)))
    }

    /// Polylines the same way: a line that crosses ±180° becomes a line on each side.
    static func split(_ lines: [[LonLat]], context: GEOSContext) throws -> [[LonLat]] {
        let longitudes = lines.flatMap { $0.map(\.lon) }
        guard let west = longitudes.min(), let east = longitudes.max(), west < -180 || east > 180 else { return lines }
        var parts: [[LonLat]] = []
        for line in lines {
            let shape = try context.lineString(planar(line))
            for (band, shift) in try bands(context) {
                parts += try shape.intersection(band).lines().lines.map { lonLat($0, shifted: shift) }
            }
        }
        return parts
    }

    /// The polygons of a shape in the lon/lat plane (x = longitude, possibly unwrapped past
    /// ±180°), cut at the antimeridian and moved into [-180, 180].
    static func pieces(of shape: GEOSObject) throws -> MultiPolygon<LonLat> {
        guard !shape.isEmpty else { return MultiPolygon() }
        let box = try shape.envelope()
        guard box.x.lowerBound < -180 || box.x.upperBound > 180 else {
            return try shape.polygons().mapRings { lonLat($0, shifted: 0) }
        }
        var parts: [Polygon<LonLat>] = []
        for (band, shift) in try bands(shape.context) {
            parts += try shape.intersection(band).polygons().mapRings { lonLat($0, shifted: shift) }.polygons
        }
        return MultiPolygon(parts)
    }

    /// The three 360° bands an unwrapped shape can reach, each with the shift that brings it
    /// into [-180, 180]. GEOS works in the lon/lat plane here: cutting along a meridian is
    /// exactly a planar clip there.
    private static func bands(_ context: GEOSContext) throws -> [(band: GEOSObject, shift: Double)] {
        try [-360.0, 0, 360].map { shift in
            let band = try context.polygon(
                Polygon(exterior: [
                    PlanarPoint(x: -180 - shift, y: -90), PlanarPoint(x: 180 - shift, y: -90),
                    PlanarPoint(x: 180 - shift, y: 90), PlanarPoint(x: -180 - shift, y: 90),
                    PlanarPoint(x: -180 - shift, y: -90),
                ]))
            return (band, shift)
        }
    }

    /// Longitude and latitude as the plane's x and y, for GEOS work in lon/lat.
    static func planar(_ ring: [LonLat]) -> [PlanarPoint] {
        ring.map { PlanarPoint(x: $0.lon, y: $0.lat) }
    }

    static func lonLat(_ ring: [PlanarPoint], shifted shift: Double) -> [LonLat] {
        ring.map { LonLat(lon: $0.x + shift, lat: $0.y) }
    }
}
