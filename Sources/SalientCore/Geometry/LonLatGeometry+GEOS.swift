/// The few GEOS operations that readers and writers need on lon/lat values, each in a context of
/// its own, so that callers never hold a GEOS handle.
///
/// They work in the lon/lat plane: validity and unions there are what GDAL and QGIS compute, and
/// a cut along a meridian is exact there. Metric work goes through the estimate's projection.

extension MultiPolygon where Point == LonLat {
    /// Why GEOS finds the polygons invalid (e.g. "Self-intersection[35.1 51.2]"), or nil when valid.
    public func invalidityReason() throws -> String? {
        try LonLatPlane.object(self).invalidityReason()
    }

    public var isValid: Bool {
        get throws { try invalidityReason() == nil }
    }

    /// A valid multipolygon covering the same points (GEOSMakeValid); parts that collapse to lines
    /// or points are dropped, since they enclose no area.
    public func madeValid() throws -> MultiPolygon<LonLat> {
        try LonLatPlane.polygons(LonLatPlane.object(self).madeValid())
    }

    /// The union of every part, overlaps counted once, in GEOS's canonical order.
    public static func union(_ parts: [MultiPolygon<LonLat>]) throws -> MultiPolygon<LonLat> {
        let context = try GEOSContext()
        let objects = try parts.map { try LonLatPlane.object($0, context: context) }
        return try LonLatPlane.polygons(context.collection(of: objects).unaryUnion().normalized())
    }

    /// A point GEOS guarantees lies inside the area (GEOSPointOnSurface).
    public func representativePoint() throws -> LonLat {
        try LonLatPlane.position(LonLatPlane.object(self).pointOnSurface().pointValue())
    }

    /// The same area with its parts past ±180° cut there and shifted back into [-180, 180]
    /// (RFC 7946 §3.1.9).
    public func splitAtAntimeridian() throws -> MultiPolygon<LonLat> {
        try AntimeridianSplit.split(self, context: GEOSContext())
    }

    /// The same rings with exteriors counter-clockwise and holes clockwise (RFC 7946's right-hand
    /// rule), orientation judged by GEOS in the lon/lat plane.
    public func rightHanded() throws -> MultiPolygon<LonLat> {
        let context = try GEOSContext()
        func oriented(_ ring: [LonLat], counterClockwise: Bool) throws -> [LonLat] {
            try context.oriented(LonLatPlane.planar(ring), counterClockwise: counterClockwise).map(LonLatPlane.position)
        }
        return MultiPolygon(
            try polygons.map { polygon in
                Polygon(
                    exterior: try oriented(polygon.exterior, counterClockwise: true),
                    holes: try polygon.holes.map { try oriented($0, counterClockwise: false) })
            })
    }

    /// Area on the ellipsoid, square metres: exteriors less holes, edges as geodesics.
    public func geodesicArea(on geodesic: Geodesic) -> Double {
        geodesic.area(of: self)
    }
}

extension MultiLineString where Point == LonLat {
    /// Why GEOS finds the lines invalid, or nil when they are valid.
    public func invalidityReason() throws -> String? {
        try LonLatPlane.object(self).invalidityReason()
    }

    /// A point GEOS guarantees lies on the lines.
    public func representativePoint() throws -> LonLat {
        try LonLatPlane.position(LonLatPlane.object(self).pointOnSurface().pointValue())
    }

    /// Length along geodesics, metres, of every line added up.
    public func geodesicLength(on geodesic: Geodesic) -> Double {
        lines.reduce(0) { $0 + geodesic.length(of: $1) }
    }
}

extension Geometry {
    /// Where an event at this place is drawn: the point itself, or a point GEOS guarantees lies
    /// on the area or the line.
    public func representativePoint() throws -> LonLat {
        switch self {
        case .point(let p): return p
        case .multiPolygon(let area): return try area.representativePoint()
        case .multiLineString(let lines): return try lines.representativePoint()
        }
    }
}

/// Finds which of many areas hold a point, with each area prepared once (GEOS prepared
/// geometries), as a lookup over thousands of places needs. One index serves one thread.
public final class AreaContainmentIndex {
    private let context: GEOSContext
    private let prepared: [PreparedGEOSObject]

    public init(_ areas: [MultiPolygon<LonLat>]) throws {
        let context = try GEOSContext()
        self.context = context
        prepared = try areas.map { try PreparedGEOSObject(LonLatPlane.object($0, context: context)) }
    }

    /// The first area, in the order given, that holds `position` (inside or on its boundary).
    public func firstArea(holding position: LonLat) throws -> Int? {
        let point = try context.point(PlanarPoint(x: position.lon, y: position.lat))
        return try prepared.firstIndex { try $0.intersects(point) }
    }
}

/// The one place lon/lat values are read as planar coordinates (x = lon, y = lat) and back.
enum LonLatPlane {
    static func object(_ multi: MultiPolygon<LonLat>, context: GEOSContext? = nil) throws -> GEOSObject {
        try (context ?? GEOSContext()).multiPolygon(multi.mapRings(planar))
    }

    static func object(_ multi: MultiLineString<LonLat>, context: GEOSContext? = nil) throws -> GEOSObject {
        try (context ?? GEOSContext()).multiLineString(multi.mapLines(planar))
    }

    static func polygons(_ object: GEOSObject) throws -> MultiPolygon<LonLat> {
        try object.polygons().mapRings { $0.map(position) }
    }

    static func planar(_ ring: [LonLat]) -> [PlanarPoint] {
        ring.map { PlanarPoint(x: $0.lon, y: $0.lat) }
    }

    static func position(_ point: PlanarPoint) -> LonLat {
        LonLat(lon: point.x, lat: point.y)
    }
}
