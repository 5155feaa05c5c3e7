/// A position on the WGS 84 ellipsoid, longitude first as in RFC 7946.
public struct LonLat: Hashable, Sendable, CustomStringConvertible {
    /// Degrees east, in [-180, 180] for input; output may be unwrapped past ±180 before splitting.
    public var lon: Double
    /// Degrees north, in [-90, 90].
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public var isValidPosition: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }

    public var description: String { "(\(lon), \(lat))" }
}

/// A position in a projected plane, in metres.
public struct PlanarPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A polygon: a closed exterior ring and closed holes, first point repeated last.
public struct Polygon<Point: Hashable & Sendable>: Hashable, Sendable {
    public var exterior: [Point]
    public var holes: [[Point]]

    public init(exterior: [Point], holes: [[Point]] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    public var rings: [[Point]] { [exterior] + holes }
}

/// Zero or more polygons; the empty value is a valid, empty area.
public struct MultiPolygon<Point: Hashable & Sendable>: Hashable, Sendable {
    public var polygons: [Polygon<Point>]

    public init(_ polygons: [Polygon<Point>] = []) {
        self.polygons = polygons
    }

    public var isEmpty: Bool { polygons.isEmpty }
}

/// Zero or more polylines.
public struct MultiLineString<Point: Hashable & Sendable>: Hashable, Sendable {
    public var lines: [[Point]]

    public init(_ lines: [[Point]] = []) {
        self.lines = lines
    }
}

/// The geometry of a gazetteer entry or an export feature, in lon/lat.
public enum Geometry: Hashable, Sendable {
    case point(LonLat)
    case multiPolygon(MultiPolygon<LonLat>)
    case multiLineString(MultiLineString<LonLat>)

    /// Every vertex, in order; used to choose a projection and to check ranges.
    public var positions: [LonLat] {
        switch self {
        case .point(let p): return [p]
        case .multiPolygon(let mp): return mp.polygons.flatMap { $0.rings.flatMap { $0 } }
        case .multiLineString(let ml): return ml.lines.flatMap { $0 }
        }
    }
}

extension Polygon {
    public func mapPoints<T>(_ transform: (Point) throws -> T) rethrows -> Polygon<T> {
        Polygon<T>(exterior: try exterior.map(transform), holes: try holes.map { try $0.map(transform) })
    }
}

extension MultiPolygon {
    /// The same polygons with every ring transformed, e.g. projected or unprojected.
    public func mapRings<T>(_ transform: ([Point]) throws -> [T]) rethrows -> MultiPolygon<T> {
        MultiPolygon<T>(
            try polygons.map { Polygon(exterior: try transform($0.exterior), holes: try $0.holes.map(transform)) })
    }
}

extension MultiLineString {
    public func mapLines<T>(_ transform: ([Point]) throws -> [T]) rethrows -> MultiLineString<T> {
        MultiLineString<T>(try lines.map(transform))
    }
}
