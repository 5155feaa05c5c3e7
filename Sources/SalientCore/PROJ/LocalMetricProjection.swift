import Foundation

/// A metric projection chosen for the data's own location: azimuthal equidistant, centred on
/// the data. Distances from the centre are exact and scale error grows only with the square
/// of the distance from it (about 0.01 % at 150 km), on any continent, either side of the
/// equator and across the antimeridian, where a fixed UTM zone would be wrong or undefined.
public struct LocalMetricProjection: Hashable, Sendable {
    public let center: LonLat

    public init(center: LonLat) {
        self.center = center
    }

    /// Centred on the mean direction of the positions (the normalised sum of their unit
    /// vectors), so that points either side of ±180° average to a point near ±180°, not 0°.
    public init(centeredOn positions: [LonLat]) {
        var x = 0.0
        var y = 0.0
        var z = 0.0
        for p in positions {
            let lat = p.lat * .pi / 180
            let lon = p.lon * .pi / 180
            x += cos(lat) * cos(lon)
            y += cos(lat) * sin(lon)
            z += sin(lat)
        }
        let horizontal = (x * x + y * y).squareRoot()
        guard !positions.isEmpty, horizontal + abs(z) > 0 else {
            self.init(center: LonLat(lon: 0, lat: 0))
            return
        }
        let lon = horizontal == 0 ? 0 : atan2(y, x) * 180 / .pi
        let lat = atan2(z, horizontal) * 180 / .pi
        // Rounded so that the PROJ string, which exports record, is short and stable.
        self.init(center: LonLat(lon: (lon * 1e6).rounded() / 1e6, lat: (lat * 1e6).rounded() / 1e6))
    }

    /// The PROJ definition, recorded in exports so a reader can reproduce the measurement.
    public var definition: String {
        "+proj=aeqd +lat_0=\(format(center.lat)) +lon_0=\(format(center.lon)) +datum=WGS84 +units=m +no_defs +type=crs"
    }

    /// The operation from lon/lat in degrees to the plane: the one `proj_create_crs_to_crs`
    /// finds from EPSG:4326 to `definition`, normalised to lon/lat order, as PROJ writes it.
    /// Made from this string, it needs no search of proj.db: a check makes a frame per place.
    var operation: String {
        "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=aeqd +lat_0=\(format(center.lat)) "
            + "+lon_0=\(format(center.lon)) +x_0=0 +y_0=0 +ellps=WGS84"
    }

    private func format(_ value: Double) -> String {
        String(format: "%.6f", value)
    }

    /// Projects and unprojects with one PROJ context; not shareable across threads.
    func makeProjector(context: PROJContext) throws -> Projector {
        Projector(
            transformation: try Transformation(
                context: context, operation: operation, from: "EPSG:4326", to: definition), center: center)
    }
}

/// Moves coordinates between lon/lat and one local metric projection.
final class Projector {
    let transformation: Transformation
    let center: LonLat

    init(transformation: Transformation, center: LonLat) {
        self.transformation = transformation
        self.center = center
    }

    func project(_ positions: [LonLat]) throws -> [PlanarPoint] {
        var xs = positions.map(\.lon)
        var ys = positions.map(\.lat)
        try transformation.transform(&xs, &ys, forward: true)
        return zip(xs, ys).map { PlanarPoint(x: $0, y: $1) }
    }

    func project(_ position: LonLat) throws -> PlanarPoint {
        try project([position])[0]
    }

    /// Back to lon/lat, longitudes unwrapped to within 180° of the centre so that a shape
    /// crossing the antimeridian stays contiguous (e.g. 179.9 and 180.1, not 179.9 and -179.9).
    func unproject(_ points: [PlanarPoint]) throws -> [LonLat] {
        var xs = points.map(\.x)
        var ys = points.map(\.y)
        try transformation.transform(&xs, &ys, forward: false)
        return zip(xs, ys).map { lon, lat in
            var unwrapped = lon
            while unwrapped - center.lon > 180 { unwrapped -= 360 }
            while unwrapped - center.lon < -180 { unwrapped += 360 }
            return LonLat(lon: unwrapped, lat: lat)
        }
    }

    func project(_ multi: MultiPolygon<LonLat>) throws -> MultiPolygon<PlanarPoint> {
        try multi.mapRings(project)
    }

    func unproject(_ multi: MultiPolygon<PlanarPoint>) throws -> MultiPolygon<LonLat> {
        try multi.mapRings(unproject)
    }

    func project(_ multi: MultiLineString<LonLat>) throws -> MultiLineString<PlanarPoint> {
        try multi.mapLines(project)
    }
}
