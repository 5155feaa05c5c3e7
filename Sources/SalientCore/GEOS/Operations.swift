import CGEOS

/// Segments per quarter circle in buffers. GEOS's default of 8 makes a 32-gon whose area is
/// 0.64 % short of πr²; 32 segments (a 128-gon) keep the shortfall at 0.04 %, within the
/// 0.1 % the area tests demand, at a cost that is still small next to unions and clipping.
let bufferQuadrantSegments: Int32 = 32

extension GEOSObject {
    /// The area within `meters` of this geometry (planar, so the geometry must be projected).
    func buffered(byMeters meters: Double) throws -> GEOSObject {
        // returns NULL on exception
        try derive("GEOSBuffer_r") { GEOSBuffer_r($0, $1, meters, bufferQuadrantSegments) }
    }

    func union(_ other: GEOSObject) throws -> GEOSObject {
        try derive("GEOSUnion_r", with: other) { GEOSUnion_r($0, $1, $2) }
    }

    /// Dissolves a collection into one geometry.
    func unaryUnion() throws -> GEOSObject {
        try derive("GEOSUnaryUnion_r") { GEOSUnaryUnion_r($0, $1) }
    }

    /// Dissolves a collection of polygons that tile without overlapping and share their edges
    /// vertex for vertex (GEOS 3.8): the edges that appear twice are dropped, nothing is
    /// overlaid. GEOS 3.11 fails on much input that is not such a tiling, not on all of it, so
    /// callers make sure of the tiling first.
    func coverageUnion() throws -> GEOSObject {
        try derive("GEOSCoverageUnion_r") { GEOSCoverageUnion_r($0, $1) }
    }

    func intersection(_ other: GEOSObject) throws -> GEOSObject {
        try derive("GEOSIntersection_r", with: other) { GEOSIntersection_r($0, $1, $2) }
    }

    func difference(_ other: GEOSObject) throws -> GEOSObject {
        try derive("GEOSDifference_r", with: other) { GEOSDifference_r($0, $1, $2) }
    }

    func convexHull() throws -> GEOSObject {
        try derive("GEOSConvexHull_r") { GEOSConvexHull_r($0, $1) }
    }

    /// The concave hull of the geometry's vertices (GEOS 3.11): `ratio` 1 is the convex hull,
    /// smaller ratios follow the vertices more closely; no holes.
    func concaveHull(ratio: Double) throws -> GEOSObject {
        // returns NULL on exception
        try derive("GEOSConcaveHull_r") { GEOSConcaveHull_r($0, $1, ratio, 0) }
    }

    /// The Voronoi diagram of the geometry's distinct vertices (GEOS 3.5): one convex polygon
    /// per vertex, in no set order (GEOS 3.11 cannot keep the input's), covering at least the
    /// envelope of `extent`.
    func voronoiCells(covering extent: GEOSObject) throws -> GEOSObject {
        precondition(extent.context === context, "GEOS objects from different contexts cannot be combined")
        // returns NULL on exception; tolerance 0, polygons rather than edges
        return try derive("GEOSVoronoiDiagram_r") { GEOSVoronoiDiagram_r($0, $1, extent.pointer, 0, 0) }
    }

    /// A valid geometry covering the same points, for input drawn by hand.
    func madeValid() throws -> GEOSObject {
        try derive("GEOSMakeValid_r") { GEOSMakeValid_r($0, $1) }
    }

    /// The same shape with every coordinate rounded to a multiple of `gridSize`, kept valid:
    /// GEOS snap-rounds the edges (OverlayNG) and drops the parts that collapse, so rounding
    /// cannot make the spikes and crossings that rounding printed coordinates does.
    func snapped(toGrid gridSize: Double) throws -> GEOSObject {
        // returns NULL on exception
        try derive("GEOSGeom_setPrecision_r") {
            GEOSGeom_setPrecision_r($0, $1, gridSize, Int32(GEOS_PREC_VALID_OUTPUT.rawValue))
        }
    }

    /// The lines of a collection joined end to end where their ends meet exactly.
    func lineMerged() throws -> GEOSObject {
        try derive("GEOSLineMerge_r") { GEOSLineMerge_r($0, $1) }
    }

    /// A point guaranteed to lie inside an areal geometry (or on a line).
    func pointOnSurface() throws -> GEOSObject {
        try derive("GEOSPointOnSurface_r") { GEOSPointOnSurface_r($0, $1) }
    }

    /// Why the geometry is invalid, or nil when it is valid.
    func invalidityReason() throws -> String? {
        context.resetMessages()
        // returns 2 on exception
        let valid = GEOSisValid_r(context.handle, pointer)
        if valid == 1 { return nil }
        guard valid == 0 else { throw context.failure("GEOSisValid_r") }
        // returns NULL on exception; the string is ours to free
        guard let reason = GEOSisValidReason_r(context.handle, pointer) else {
            throw context.failure("GEOSisValidReason_r")
        }
        defer { GEOSFree_r(context.handle, reason) }
        return String(cString: reason)
    }

    var isValid: Bool {
        get throws { try invalidityReason() == nil }
    }

    /// Planar distance in the units of the projection (metres).
    func distance(to other: GEOSObject) throws -> Double {
        precondition(other.context === context, "GEOS objects from different contexts cannot be combined")
        context.resetMessages()
        var result = 0.0
        // returns 0 on exception
        guard GEOSDistance_r(context.handle, pointer, other.pointer, &result) == 1 else {
            throw context.failure("GEOSDistance_r")
        }
        return result
    }

    /// The closest pair of points, the first on this geometry, the second on `other`.
    func nearestPoints(to other: GEOSObject) throws -> (PlanarPoint, PlanarPoint) {
        precondition(other.context === context, "GEOS objects from different contexts cannot be combined")
        context.resetMessages()
        // returns NULL on exception (or when either geometry is empty); the sequence is ours
        guard let sequence = GEOSNearestPoints_r(context.handle, pointer, other.pointer) else {
            throw context.failure("GEOSNearestPoints_r")
        }
        defer { GEOSCoordSeq_destroy_r(context.handle, sequence) }
        var flat = [Double](repeating: 0, count: 4)
        let ok = flat.withUnsafeMutableBufferPointer { buffer in
            GEOSCoordSeq_copyToBuffer_r(context.handle, sequence, buffer.baseAddress, 0, 0)
        }
        guard ok == 1 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return (PlanarPoint(x: flat[0], y: flat[1]), PlanarPoint(x: flat[2], y: flat[3]))
    }

    func contains(_ other: GEOSObject) throws -> Bool {
        precondition(other.context === context, "GEOS objects from different contexts cannot be combined")
        context.resetMessages()
        // returns 2 on exception
        let result = GEOSContains_r(context.handle, pointer, other.pointer)
        guard result != 2 else { throw context.failure("GEOSContains_r") }
        return result == 1
    }

    /// True when both have the same structure and the same coordinates, bit for bit (compare
    /// normalized forms): a shape that did not change need not be measured again.
    func isIdentical(to other: GEOSObject) throws -> Bool {
        precondition(other.context === context, "GEOS objects from different contexts cannot be combined")
        context.resetMessages()
        // returns 2 on exception
        let result = GEOSEqualsExact_r(context.handle, pointer, other.pointer, 0)
        guard result != 2 else { throw context.failure("GEOSEqualsExact_r") }
        return result == 1
    }

    /// Planar area in square projection units; geodesic areas come from `Geodesic`.
    func planarArea() throws -> Double {
        context.resetMessages()
        var result = 0.0
        // returns 0 on exception
        guard GEOSArea_r(context.handle, pointer, &result) == 1 else { throw context.failure("GEOSArea_r") }
        return result
    }
}

extension GEOSObject {
    /// The boundary: the rings of a polygon as lines.
    func boundary() throws -> GEOSObject {
        try derive("GEOSBoundary_r") { GEOSBoundary_r($0, $1) }
    }

    /// Adds vertices so that no segment is longer than `meters`; measuring at vertices is then
    /// accurate to the spacing. Densify lines rather than polygons: for polygons GEOS 3.11
    /// repairs the result with buffer(0), which leaks memory inside GEOS.
    func densified(maxSegmentMeters meters: Double) throws -> GEOSObject {
        try densified(maxSegmentLength: meters)
    }

    /// As `densified(maxSegmentMeters:)`, in the plane's own units (degrees in the lon/lat plane).
    func densified(maxSegmentLength length: Double) throws -> GEOSObject {
        try derive("GEOSDensify_r") { GEOSDensify_r($0, $1, length) }
    }

    /// The same geometry in GEOS's canonical form (ring starts and order fixed), so that equal
    /// shapes reached by different sequences of operations print identically.
    func normalized() throws -> GEOSObject {
        let copy = try derive("GEOSGeom_clone_r") { GEOSGeom_clone_r($0, $1) }
        context.resetMessages()
        // returns -1 on exception
        guard GEOSNormalize_r(context.handle, copy.pointer) == 0 else { throw context.failure("GEOSNormalize_r") }
        return copy
    }

    /// The bounding box of a non-empty geometry, every part included.
    func envelope() throws -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        context.resetMessages()
        var xMin = 0.0
        var xMax = 0.0
        var yMin = 0.0
        var yMax = 0.0
        // each returns 0 on exception
        guard GEOSGeom_getXMin_r(context.handle, pointer, &xMin) == 1,
            GEOSGeom_getXMax_r(context.handle, pointer, &xMax) == 1,
            GEOSGeom_getYMin_r(context.handle, pointer, &yMin) == 1,
            GEOSGeom_getYMax_r(context.handle, pointer, &yMax) == 1
        else { throw context.failure("GEOSGeom_getXMin_r") }
        return (xMin...xMax, yMin...yMax)
    }

    /// Every vertex of the geometry, in order.
    func vertices() throws -> [PlanarPoint] {
        try polygons().polygons.flatMap { $0.rings.flatMap { $0 } } + lines().lines.flatMap { $0 }
    }
}

/// A geometry prepared for many repeated predicate tests against it (point in polygon).
final class PreparedGEOSObject {
    let base: GEOSObject
    let pointer: OpaquePointer

    init(_ base: GEOSObject) throws {
        base.context.resetMessages()
        // returns NULL on exception; the prepared geometry borrows `base`, which we keep alive
        guard let pointer = GEOSPrepare_r(base.context.handle, base.pointer) else {
            throw base.context.failure("GEOSPrepare_r")
        }
        self.base = base
        self.pointer = pointer
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, pointer)
    }

    /// True when `other` touches or lies inside the prepared geometry.
    func intersects(_ other: GEOSObject) throws -> Bool {
        try predicate(other, "GEOSPreparedIntersects_r", GEOSPreparedIntersects_r)
    }

    /// True when `other` lies inside the prepared geometry (boundary points allowed inside).
    func contains(_ other: GEOSObject) throws -> Bool {
        try predicate(other, "GEOSPreparedContains_r", GEOSPreparedContains_r)
    }

    private func predicate(
        _ other: GEOSObject, _ name: String,
        _ function: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar
    ) throws -> Bool {
        precondition(other.context === base.context, "GEOS objects from different contexts cannot be combined")
        base.context.resetMessages()
        // returns 2 on exception
        let result = function(base.context.handle, pointer, other.pointer)
        guard result != 2 else { throw base.context.failure(name) }
        return result == 1
    }

    /// Least planar distance to `other`, through the prepared geometry's segment index.
    func distance(to other: GEOSObject) throws -> Double {
        precondition(other.context === base.context, "GEOS objects from different contexts cannot be combined")
        base.context.resetMessages()
        var result = 0.0
        // returns 0 on exception
        guard GEOSPreparedDistance_r(base.context.handle, pointer, other.pointer, &result) == 1 else {
            throw base.context.failure("GEOSPreparedDistance_r")
        }
        return result
    }
}

extension GEOSContext {
    /// The union of the non-empty `shapes` in GEOS's canonical form; nil for none.
    func union(_ shapes: [GEOSObject]) throws -> GEOSObject? {
        let areas = shapes.filter { !$0.isEmpty }
        guard !areas.isEmpty else { return nil }
        return try collection(of: areas).unaryUnion().normalized()
    }
}
