import CPROJ

/// Geodesic measurement on the WGS 84 ellipsoid through PROJ's geodesic library
/// (Karney's algorithms): exact to round-off, unlike spherical shortcuts.
public struct Geodesic: Sendable {
    private let geodesic: geod_geodesic
    /// Semi-major axis, metres, and flattening, as PROJ reports them for the ellipsoid.
    public let semiMajorAxis: Double
    public let flattening: Double

    /// The ellipsoid of WGS 84 (EPSG:4326) as PROJ's database defines it.
    public static func wgs84() throws -> Geodesic {
        let context = try PROJContext()
        // returns NULL on failure (e.g. proj.db missing)
        guard let crs = proj_create(context.handle, "EPSG:4326") else {
            throw context.failure("proj_create(EPSG:4326)")
        }
        defer { proj_destroy(crs) }
        guard let ellipsoid = proj_get_ellipsoid(context.handle, crs) else {
            throw context.failure("proj_get_ellipsoid(EPSG:4326)")
        }
        defer { proj_destroy(ellipsoid) }
        var a = 0.0
        var b = 0.0
        var inverseFlattening = 0.0
        var computed: Int32 = 0
        // returns FALSE on error
        guard proj_ellipsoid_get_parameters(context.handle, ellipsoid, &a, &b, &computed, &inverseFlattening) != 0
        else {
            throw context.failure("proj_ellipsoid_get_parameters")
        }
        return Geodesic(semiMajorAxis: a, flattening: 1 / inverseFlattening)
    }

    public init(semiMajorAxis: Double, flattening: Double) {
        var g = geod_geodesic()
        geod_init(&g, semiMajorAxis, flattening)
        self.geodesic = g
        self.semiMajorAxis = semiMajorAxis
        self.flattening = flattening
    }

    /// Length of the geodesic between two positions, metres, with the forward azimuths.
    public func inverse(_ a: LonLat, _ b: LonLat) -> (meters: Double, azimuth1: Double, azimuth2: Double) {
        var g = geodesic
        var s12 = 0.0
        var azi1 = 0.0
        var azi2 = 0.0
        geod_inverse(&g, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2)
        return (s12, azi1, azi2)
    }

    public func distance(_ a: LonLat, _ b: LonLat) -> Double {
        inverse(a, b).meters
    }

    /// The position `meters` away from `origin` along `azimuth` (degrees clockwise from north).
    public func direct(from origin: LonLat, azimuth: Double, meters: Double) -> LonLat {
        var g = geodesic
        var lat2 = 0.0
        var lon2 = 0.0
        var azi2 = 0.0
        geod_direct(&g, origin.lat, origin.lon, azimuth, meters, &lat2, &lon2, &azi2)
        return LonLat(lon: lon2, lat: lat2)
    }

    /// Area enclosed by a ring whose edges are geodesics, square metres, ignoring orientation.
    public func area(ofRing ring: [LonLat]) -> Double {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return 0 }
        var g = geodesic
        var lats = points.map(\.lat)
        var lons = points.map(\.lon)
        var area = 0.0
        var perimeter = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(points.count), &area, &perimeter)
        return abs(area)
    }

    /// Area of a multipolygon, square metres: exteriors less holes.
    public func area(of multi: MultiPolygon<LonLat>) -> Double {
        multi.polygons.reduce(0) { total, polygon in
            total + area(ofRing: polygon.exterior) - polygon.holes.reduce(0) { $0 + area(ofRing: $1) }
        }
    }

    /// Length of a polyline along geodesics, metres.
    public func length(of line: [LonLat]) -> Double {
        zip(line, line.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }
}
