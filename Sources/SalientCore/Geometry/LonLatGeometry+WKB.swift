import CGEOS

/// Well-known binary of lon/lat values, written by GEOS's WKB writer: ISO flavour, 2-D,
/// little-endian (x = longitude, y = latitude), as GeoPackage geometries carry it after their header.
///
/// The coordinates are written exactly as given: callers round them to the output grid first.

extension LonLat {
    /// An ISO WKB Point.
    public func wellKnownBinary() throws -> [UInt8] {
        let context = try GEOSContext()
        return try WKBWriter(context).write(context.point(PlanarPoint(x: lon, y: lat)))
    }
}

extension MultiPolygon where Point == LonLat {
    /// An ISO WKB MultiPolygon; the empty value gives a MultiPolygon of no parts.
    public func wellKnownBinary() throws -> [UInt8] {
        let context = try GEOSContext()
        return try WKBWriter(context).write(LonLatPlane.object(self, context: context))
    }
}

/// Owns one GEOS WKB writer, set to the ISO flavour, two dimensions and little-endian order.
final class WKBWriter {
    private let context: GEOSContext
    private let pointer: OpaquePointer

    init(_ context: GEOSContext) throws {
        context.resetMessages()
        // returns NULL on exception
        guard let pointer = GEOSWKBWriter_create_r(context.handle) else {
            throw context.failure("GEOSWKBWriter_create_r")
        }
        self.context = context
        self.pointer = pointer
        // The setters return nothing; they only store the choice.
        GEOSWKBWriter_setOutputDimension_r(context.handle, pointer, 2)
        GEOSWKBWriter_setByteOrder_r(context.handle, pointer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setFlavor_r(context.handle, pointer, Int32(GEOS_WKB_ISO.rawValue))
        GEOSWKBWriter_setIncludeSRID_r(context.handle, pointer, 0)
    }

    deinit {
        GEOSWKBWriter_destroy_r(context.handle, pointer)
    }

    func write(_ object: GEOSObject) throws -> [UInt8] {
        precondition(object.context === context, "the writer and the geometry share a context")
        context.resetMessages()
        var size = 0
        // returns NULL on exception; the buffer is the caller's, freed with GEOSFree_r
        guard let bytes = GEOSWKBWriter_write_r(context.handle, pointer, object.pointer, &size) else {
            throw context.failure("GEOSWKBWriter_write_r")
        }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
