import CGEOS

/// Owns one GEOS geometry pointer; frees it exactly once, with the context that made it.
///
/// Coordinates are planar (a projected CRS in metres) unless a caller says otherwise: GEOS
/// computes in the plane, so buffers and distances are only meaningful after projection.
final class GEOSObject {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext, owning pointer: OpaquePointer) {
        self.context = context
        self.pointer = pointer
    }

    deinit {
        GEOSGeom_destroy_r(context.handle, pointer)
    }

    /// Calls a GEOS function that returns a new geometry or NULL on exception.
    func derive(_ operation: String, _ body: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) throws
        -> GEOSObject
    {
        context.resetMessages()
        guard let result = body(context.handle, pointer) else { throw context.failure(operation) }
        return GEOSObject(context: context, owning: result)
    }

    /// Calls a binary GEOS function; both operands must share this object's context.
    func derive(
        _ operation: String, with other: GEOSObject,
        _ body: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws -> GEOSObject {
        precondition(other.context === context, "GEOS objects from different contexts cannot be combined")
        return try derive(operation) { handle, pointer in body(handle, pointer, other.pointer) }
    }
}

// MARK: - Construction

extension GEOSContext {
    func point(_ p: PlanarPoint) throws -> GEOSObject {
        resetMessages()
        // returns NULL on exception
        guard let pointer = GEOSGeom_createPointFromXY_r(handle, p.x, p.y) else {
            throw failure("GEOSGeom_createPointFromXY_r")
        }
        return GEOSObject(context: self, owning: pointer)
    }

    func lineString(_ points: [PlanarPoint]) throws -> GEOSObject {
        let sequence = try coordinateSequence(points)
        // takes ownership of the sequence, also on failure; returns NULL on exception
        guard let pointer = GEOSGeom_createLineString_r(handle, sequence) else {
            throw failure("GEOSGeom_createLineString_r")
        }
        return GEOSObject(context: self, owning: pointer)
    }

    func polygon(_ polygon: Polygon<PlanarPoint>) throws -> GEOSObject {
        let shell = try linearRing(polygon.exterior)
        var holes: [OpaquePointer?] = []
        for hole in polygon.holes {
            do {
                holes.append(try linearRing(hole))
            } catch {
                GEOSGeom_destroy_r(handle, shell)
                for made in holes { GEOSGeom_destroy_r(handle, made) }
                throw error
            }
        }
        resetMessages()
        // takes ownership of the shell and the holes, also on failure; returns NULL on exception
        let pointer = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        guard let pointer else { throw failure("GEOSGeom_createPolygon_r") }
        return GEOSObject(context: self, owning: pointer)
    }

    func multiPolygon(_ multi: MultiPolygon<PlanarPoint>) throws -> GEOSObject {
        try collection(type: GEOS_MULTIPOLYGON, of: multi.polygons.map(polygon))
    }

    func multiLineString(_ multi: MultiLineString<PlanarPoint>) throws -> GEOSObject {
        try collection(type: GEOS_MULTILINESTRING, of: multi.lines.map(lineString))
    }

    /// A collection of clones of `members`: the collection owns its children, the callers keep theirs.
    func collection(of members: [GEOSObject]) throws -> GEOSObject {
        try collection(type: GEOS_GEOMETRYCOLLECTION, of: members)
    }

    private func collection(type: GEOSGeomTypes, of members: [GEOSObject]) throws -> GEOSObject {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for member in members {
            precondition(member.context === self, "GEOS objects from different contexts cannot be combined")
            resetMessages()
            // returns NULL on exception
            guard let clone = GEOSGeom_clone_r(handle, member.pointer) else {
                for made in clones { GEOSGeom_destroy_r(handle, made) }
                throw failure("GEOSGeom_clone_r")
            }
            clones.append(clone)
        }
        resetMessages()
        // takes ownership of the children, also on failure; returns NULL on exception
        let pointer = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        guard let pointer else { throw failure("GEOSGeom_createCollection_r") }
        return GEOSObject(context: self, owning: pointer)
    }

    /// Returns an owned sequence; the caller hands it to a geometry constructor.
    private func coordinateSequence(_ points: [PlanarPoint]) throws -> OpaquePointer {
        let flat = Self.interleaved(points)
        resetMessages()
        // returns NULL on exception
        let sequence = flat.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(handle, buffer.baseAddress, UInt32(points.count), 0, 0)
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        return sequence
    }

    private func linearRing(_ points: [PlanarPoint]) throws -> OpaquePointer {
        let sequence = try coordinateSequence(points)
        resetMessages()
        // takes ownership of the sequence, also on failure; returns NULL on exception
        guard let ring = GEOSGeom_createLinearRing_r(handle, sequence) else {
            throw failure("GEOSGeom_createLinearRing_r")
        }
        return ring
    }
}

// MARK: - Reading back

extension GEOSObject {
    var isEmpty: Bool {
        // returns 2 on exception, treated as not empty so the caller reads and fails loudly
        GEOSisEmpty_r(context.handle, pointer) == 1
    }

    /// The polygons of this geometry (of a polygon, a multipolygon, or any collection, whose
    /// non-areal parts are dropped). Exterior rings come out counter-clockwise, holes clockwise.
    func polygons() throws -> MultiPolygon<PlanarPoint> {
        var result: [Polygon<PlanarPoint>] = []
        try collectPolygons(pointer, into: &result)
        return MultiPolygon(result)
    }

    /// The areal part of this geometry: itself when it is a polygon or a multipolygon, else a
    /// multipolygon of its polygons (an overlay can add the lines and points where shapes touch).
    func polygonal() throws -> GEOSObject {
        let id = try typeID(pointer)
        if id == Int32(GEOS_POLYGON.rawValue) || id == Int32(GEOS_MULTIPOLYGON.rawValue) { return self }
        return try context.multiPolygon(polygons())
    }

    /// The lines of a linestring, a multilinestring or a collection.
    func lines() throws -> MultiLineString<PlanarPoint> {
        var result: [[PlanarPoint]] = []
        try collectLines(pointer, into: &result)
        return MultiLineString(result)
    }

    /// The single point of a point geometry.
    func pointValue() throws -> PlanarPoint {
        context.resetMessages()
        var x = 0.0
        var y = 0.0
        // return 0 on exception
        guard GEOSGeomGetX_r(context.handle, pointer, &x) == 1, GEOSGeomGetY_r(context.handle, pointer, &y) == 1 else {
            throw context.failure("GEOSGeomGetX_r")
        }
        return PlanarPoint(x: x, y: y)
    }

    private func typeID(_ geometry: OpaquePointer) throws -> Int32 {
        context.resetMessages()
        // returns -1 on exception
        let id = GEOSGeomTypeId_r(context.handle, geometry)
        guard id >= 0 else { throw context.failure("GEOSGeomTypeId_r") }
        return id
    }

    private func collectPolygons(_ geometry: OpaquePointer, into result: inout [Polygon<PlanarPoint>]) throws {
        let id = try typeID(geometry)
        if id == Int32(GEOS_POLYGON.rawValue) {
            if GEOSisEmpty_r(context.handle, geometry) == 1 { return }
            // borrowed pointers: owned by `geometry`
            guard let shell = GEOSGetExteriorRing_r(context.handle, geometry) else {
                throw context.failure("GEOSGetExteriorRing_r")
            }
            let holeCount = GEOSGetNumInteriorRings_r(context.handle, geometry)
            guard holeCount >= 0 else { throw context.failure("GEOSGetNumInteriorRings_r") }
            var holes: [[PlanarPoint]] = []
            for index in 0..<holeCount {
                guard let hole = GEOSGetInteriorRingN_r(context.handle, geometry, index) else {
                    throw context.failure("GEOSGetInteriorRingN_r")
                }
                holes.append(try context.oriented(coordinates(of: hole), counterClockwise: false))
            }
            result.append(
                Polygon(exterior: try context.oriented(coordinates(of: shell), counterClockwise: true), holes: holes))
        } else if id == Int32(GEOS_MULTIPOLYGON.rawValue) || id == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            for child in try children(of: geometry) { try collectPolygons(child, into: &result) }
        }
    }

    private func collectLines(_ geometry: OpaquePointer, into result: inout [[PlanarPoint]]) throws {
        let id = try typeID(geometry)
        if id == Int32(GEOS_LINESTRING.rawValue) || id == Int32(GEOS_LINEARRING.rawValue) {
            if GEOSisEmpty_r(context.handle, geometry) == 1 { return }
            result.append(try coordinates(of: geometry))
        } else if id == Int32(GEOS_MULTILINESTRING.rawValue) || id == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            for child in try children(of: geometry) { try collectLines(child, into: &result) }
        }
    }

    private func children(of geometry: OpaquePointer) throws -> [OpaquePointer] {
        let count = GEOSGetNumGeometries_r(context.handle, geometry)
        guard count >= 0 else { throw context.failure("GEOSGetNumGeometries_r") }
        return try (0..<count).map { index in
            // borrowed pointer: owned by `geometry`
            guard let child = GEOSGetGeometryN_r(context.handle, geometry, index) else {
                throw context.failure("GEOSGetGeometryN_r")
            }
            return child
        }
    }

    private func coordinates(of geometry: OpaquePointer) throws -> [PlanarPoint] {
        context.resetMessages()
        // borrowed pointer: owned by `geometry`
        guard let sequence = GEOSGeom_getCoordSeq_r(context.handle, geometry) else {
            throw context.failure("GEOSGeom_getCoordSeq_r")
        }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(context.handle, sequence, &size) == 1 else {
            throw context.failure("GEOSCoordSeq_getSize_r")
        }
        var ok: CInt = 0
        let flat = [Double](unsafeUninitializedCapacity: Int(size) * 2) { buffer, count in
            // returns 0 on exception
            ok = GEOSCoordSeq_copyToBuffer_r(context.handle, sequence, buffer.baseAddress, 0, 0)
            count = ok == 1 ? Int(size) * 2 : 0
        }
        guard ok == 1 else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return [PlanarPoint](unsafeUninitializedCapacity: Int(size)) { points, count in
            for index in 0..<Int(size) { points[index] = PlanarPoint(x: flat[2 * index], y: flat[2 * index + 1]) }
            count = Int(size)
        }
    }
}

extension GEOSContext {
    /// RFC 7946's right-hand rule: exterior counter-clockwise, holes clockwise.
    func oriented(_ ring: [PlanarPoint], counterClockwise: Bool) throws -> [PlanarPoint] {
        guard ring.count >= 4 else { return ring }
        let flat = Self.interleaved(ring)
        resetMessages()
        let sequence = flat.withUnsafeBufferPointer { buffer in
            GEOSCoordSeq_copyFromBuffer_r(handle, buffer.baseAddress, UInt32(ring.count), 0, 0)
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        defer { GEOSCoordSeq_destroy_r(handle, sequence) }
        var isCCW: CChar = 0
        // returns 0 on exception
        guard GEOSCoordSeq_isCCW_r(handle, sequence, &isCCW) == 1 else {
            throw failure("GEOSCoordSeq_isCCW_r")
        }
        return (isCCW == 1) == counterClockwise ? ring : ring.reversed()
    }

    /// x0, y0, x1, y1, …: the layout GEOS copies coordinates from, in one allocation (a
    /// two-element array per point, as `flatMap` made, cost more than GEOS's copy).
    static func interleaved(_ points: [PlanarPoint]) -> [Double] {
        [Double](unsafeUninitializedCapacity: 2 * points.count) { buffer, count in
            for (index, point) in points.enumerated() {
                buffer[2 * index] = point.x
                buffer[2 * index + 1] = point.y
            }
            count = 2 * points.count
        }
    }
}
