import Foundation
import SalientCore
import Testing

/// GEOS's WKB writer, as SalientCore sets it up: ISO flavour, 2-D, little-endian.
@Suite struct LonLatGeometryWKBTests {
    static func bytes(_ value: Double) -> [UInt8] { withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    static func bytes(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    @Test func pointIsLittleEndianTwoDimensional() throws {
        let wkb = try LonLat(lon: 35.658108, lat: 51.418649).wellKnownBinary()
        #expect(wkb == [1] + Self.bytes(UInt32(1)) + Self.bytes(35.658108) + Self.bytes(51.418649))
    }

    @Test func multiPolygonKeepsItsRingsInOrder() throws {
        let ring = [LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0), LonLat(lon: 1, lat: 1), LonLat(lon: 0, lat: 0)]
        let wkb = try MultiPolygon([Polygon(exterior: ring)]).wellKnownBinary()
        var expected: [UInt8] = [1] + Self.bytes(UInt32(6)) + Self.bytes(UInt32(1))
        expected += [1] + Self.bytes(UInt32(3)) + Self.bytes(UInt32(1)) + Self.bytes(UInt32(4))
        for p in ring { expected += Self.bytes(p.lon) + Self.bytes(p.lat) }
        #expect(wkb == expected)
    }

    @Test func emptyMultiPolygonHasNoParts() throws {
        #expect(try MultiPolygon<LonLat>().wellKnownBinary() == [1] + Self.bytes(UInt32(6)) + Self.bytes(UInt32(0)))
    }
}
