import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct GeoPackageWriterTests {
    static func bytes(_ value: Double) -> [UInt8] { withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static let square = MultiPolygon([
        Polygon(exterior: [
            LonLat(lon: 35, lat: 51), LonLat(lon: 36, lat: 51),
            LonLat(lon: 36, lat: 52.5), LonLat(lon: 35, lat: 51),
        ])
    ])

    static func layers() -> [GeoPackageLayer] {
        [
            GeoPackageLayer(
                table: "events", description: "points", geometryType: .point,
                columns: [("id", .text), ("start_date", .date), ("end_date", .date), ("age", .integer)],
                rows: [
                    .init(
                        values: [.text("a"), .text("2024-08-06"), .text("2024-08-07"), .integer(3)],
                        geometry: .point(LonLat(lon: 35.1, lat: 51.2)))
                ]),
            GeoPackageLayer(
                table: "control", description: "areas", geometryType: .multiPolygon,
                columns: [("tier", .text), ("area_km2", .real)],
                rows: [
                    .init(values: [.text("controlled"), .real(1.5)], geometry: .multiPolygon(square)),
                    .init(
                        values: [.text("contested"), .real(0)],
                        geometry: .multiPolygon(MultiPolygon())),
                ]),
            GeoPackageLayer(
                table: "series", description: "rows", geometryType: nil, columns: [("date", .date)],
                rows: [.init(values: [.text("2024-08-06")], geometry: nil)]),
        ]
    }

    static func temporaryPath(_ name: String) -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("salient-gpkg-\(UUID().uuidString)-\(name)")
    }

    /// Spec 1.3 §2.1.3: "GP", version 0, flags (little-endian, envelope code 1), srs_id, then
    /// [minx, maxx, miny, maxy] and the WKB.
    @Test func multiPolygonHasTheHeaderAndItsEnvelope() throws {
        let binary = try GeoPackageGeometry.multiPolygon(Self.square).binary()
        let header: [UInt8] = [0x47, 0x50, 0, 0b11] + Self.bytes(Int32(4326)) + [35, 36, 51, 52.5].flatMap(Self.bytes)
        #expect(Array(binary.prefix(header.count)) == header)
        #expect(Array(binary.dropFirst(header.count)) == (try Self.square.wellKnownBinary()))
    }

    @Test func pointHasAnEnvelopeOfItself() throws {
        let point = LonLat(lon: 35.1, lat: 51.2)
        let binary = try GeoPackageGeometry.point(point).binary()
        #expect(
            binary == [0x47, 0x50, 0, 0b11] + Self.bytes(Int32(4326)) + [35.1, 35.1, 51.2, 51.2].flatMap(Self.bytes)
                + (try point.wellKnownBinary()))
    }

    /// An empty geometry has the empty flag (bit 4) and no envelope, as GDAL writes it.
    @Test func emptyMultiPolygonHasTheEmptyFlagAndNoEnvelope() throws {
        let binary = try GeoPackageGeometry.multiPolygon(MultiPolygon()).binary()
        let wkb = try MultiPolygon<LonLat>().wellKnownBinary()
        #expect(binary == [0x47, 0x50, 0, 0b1_0001] + Self.bytes(Int32(4326)) + wkb)
    }

    @Test func fileCarriesTheApplicationIDAndVersion() throws {
        let path = Self.temporaryPath("a.gpkg")
        defer { unlink(path) }
        try GeoPackageWriter.write(Self.layers(), to: path, lastChange: "2024-08-15T00:00:00.000Z")
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(100)
        #expect(header.prefix(16) == Data("SQLite format 3\0".utf8))
        #expect(Array(header[60..<64]) == [0, 0, 0x28, 0x3C])  // user_version 10300, big-endian
        #expect(Array(header[68..<72]) == Array("GPKG".utf8))
        #expect(GeoPackageOutput.isGeoPackage(path))
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }

    @Test func sameLayersWriteTheSameBytes() throws {
        let a = Self.temporaryPath("a.gpkg")
        let b = Self.temporaryPath("b.gpkg")
        defer {
            unlink(a)
            unlink(b)
        }
        try GeoPackageWriter.write(Self.layers(), to: a, lastChange: "2024-08-15T00:00:00.000Z")
        try GeoPackageWriter.write(Self.layers(), to: b, lastChange: "2024-08-15T00:00:00.000Z")
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }

    /// `date` and `*_date` texts are DATEs; `events_to_date` is a count, and a number printed
    /// without decimals is an integer, as GDAL reads the GeoJSON.
    @Test func columnTypesFollowTheGeoJSONValues() {
        let columns = GeoPackageOutput.columns(of: [
            ("date", .string("2024-08-06")), ("end_date", .null), ("published_date", .string("")),
            ("events_to_date", .integer(3)), ("area_km2", .number(1.5, decimals: 3)),
            ("uncertainty_m", .number(2000, decimals: 0)), ("tier", .string("x")),
        ])
        #expect(columns.map(\.type) == [.date, .date, .date, .integer, .real, .integer, .text])
    }

    @Test func valuesAreWhatTheGeoJSONPrints() {
        #expect(GeoPackageOutput.value(.number(70.98812345, decimals: 3), as: .real) == .real(70.988))
        #expect(GeoPackageOutput.value(.number(1999.6, decimals: 0), as: .integer) == .integer(2000))
        #expect(GeoPackageOutput.value(.string(""), as: .date) == .null)
        #expect(GeoPackageOutput.value(.string("2024-08-06"), as: .date) == .text("2024-08-06"))
        #expect(GeoPackageOutput.value(.string(""), as: .text) == .text(""))
    }

    /// Positions are rounded to the 6 decimals GeoJSONWriter prints.
    @Test func geometryHasTheGeoJSONCoordinates() throws {
        let point = GeoJSONWriter.point(LonLat(lon: 35.12345678, lat: 51.0000004))
        let geometry = try #require(GeoPackageOutput.geometry(point))
        #expect(geometry.positions == [LonLat(lon: 35.123457, lat: 51)])
        let ring = [
            LonLat(lon: 35.0000001, lat: 51), LonLat(lon: 36, lat: 51), LonLat(lon: 36, lat: 52.4999996),
            LonLat(lon: 35, lat: 51),
        ]
        let multi = GeoJSONWriter.multiPolygon(MultiPolygon([Polygon(exterior: ring)]))
        let area = try #require(GeoPackageOutput.geometry(multi))
        #expect(area.positions == Self.square.polygons[0].exterior)
    }

    @Test func targetThatIsNotAGeoPackageIsRefused() throws {
        let text = Self.temporaryPath("notes.gpkg")
        let folder = Self.temporaryPath("folder.gpkg")
        let ours = Self.temporaryPath("ours.gpkg")
        defer {
            unlink(text)
            rmdir(folder)
            unlink(ours)
        }
        try "my notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try GeoPackageWriter.write(Self.layers(), to: ours, lastChange: "2024-08-15T00:00:00.000Z")
        #expect(throws: InputError.self) { try GeoPackageOutput.checkTarget(text) }
        #expect(throws: InputError.self) { try GeoPackageOutput.checkTarget(folder) }
        try GeoPackageOutput.checkTarget(ours)
        try GeoPackageOutput.checkTarget(Self.temporaryPath("absent.gpkg"))
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "my notes\n")
    }
}
