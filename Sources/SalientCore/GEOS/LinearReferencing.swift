import CGEOS

/// Positions along a line by distance from its start, for cutting a stretch of border out of
/// the border line. GEOS's linear referencing takes a single LineString.
extension GEOSObject {
    /// Distance along this LineString from its start to the point of it nearest `point`
    /// (planar, in the projection's metres).
    func distanceAlong(to point: GEOSObject) throws -> Double {
        precondition(point.context === context, "GEOS objects from different contexts cannot be combined")
        context.resetMessages()
        // returns -1 on exception (e.g. when this is not a LineString)
        let distance = GEOSProject_r(context.handle, pointer, point.pointer)
        guard distance >= 0 else { throw context.failure("GEOSProject_r") }
        return distance
    }

    /// The point `meters` along this LineString from its start (clamped to the line's ends).
    func point(atDistanceAlong meters: Double) throws -> PlanarPoint {
        try derive("GEOSInterpolate_r") { GEOSInterpolate_r($0, $1, meters) }.pointValue()
    }

    /// Planar length of a line, in the projection's metres; geodesic lengths come from `Geodesic`.
    func planarLength() throws -> Double {
        context.resetMessages()
        var result = 0.0
        // returns 0 on exception
        guard GEOSLength_r(context.handle, pointer, &result) == 1 else { throw context.failure("GEOSLength_r") }
        return result
    }
}

/// A LineString with its length and its vertices' distances along it, found once: each
/// stretch cut from it then costs a pass over those numbers, not a projection per vertex.
struct ReferencedLine {
    let line: GEOSObject
    let length: Double
    private let vertices: [PlanarPoint]
    private let along: [Double]

    init(_ line: GEOSObject) throws {
        self.line = line
        length = try line.planarLength()
        vertices = try line.lines().lines.first ?? []
        // A vertex's own projection is its distance along the line, for a line that does not
        // come back on itself (a border never does).
        along = try vertices.map { try line.distanceAlong(to: line.context.point($0)) }
    }

    /// The stretch between two distances along the line, as its vertices: the interpolated
    /// ends and every vertex in between. Nil when the stretch has no length.
    func substring(fromDistance start: Double, toDistance end: Double) throws -> [PlanarPoint]? {
        let from = max(0, min(start, end))
        let to = min(length, max(start, end))
        guard to > from else { return nil }
        var points = [try line.point(atDistanceAlong: from)]
        for (vertex, along) in zip(vertices, along) where along > from && along < to { points.append(vertex) }
        points.append(try line.point(atDistanceAlong: to))
        return points
    }
}
