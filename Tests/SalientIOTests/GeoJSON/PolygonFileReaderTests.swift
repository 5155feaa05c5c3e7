import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct PolygonFileReaderTests {
    static let box = "[[[35.0, 51.0], [35.5, 51.0], [35.5, 51.3], [35.0, 51.3], [35.0, 51.0]]]"
    static let bowtie = "[[[35.0, 51.0], [35.5, 51.3], [35.5, 51.0], [35.0, 51.3], [35.0, 51.0]]]"

    static func file(_ features: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "salient-polygons-\(UUID().uuidString).geojson"
        ).path
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n" + features.joined(separator: ",\n") + "\n]}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func feature(_ properties: String, _ type: String, _ coordinates: String) -> String {
        "{\"type\": \"Feature\", \"properties\": {\(properties)}, \"geometry\": {\"type\": \"\(type)\", \"coordinates\": \(coordinates)}}"
    }

    @Test func readsPropertiesAndPolygons() throws {
        let path = try Self.file([
            Self.feature(
                "\"id\": \"a\", \"area\": 812.5, \"note\": \"about 800 km²\", \"flag\": true, \"gone\": null",
                "Polygon", Self.box),
            Self.feature("\"id\": \"b\"", "LineString", "[[35.0, 51.0], [35.5, 51.0]]"),
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let features = try PolygonFileReader.read(path: path, repair: false, repairHint: "")
        #expect(features.count == 2)
        #expect(features[0].property("area") == .number(812.5))
        #expect(features[0].property("note") == .text("about 800 km²"))
        #expect(features[0].property("flag") == .other("true"))
        #expect(features[0].property("gone") == nil)
        #expect(features[0].geometry?.polygons.first?.exterior.count == 5)
        #expect(features[1].geometryType == "LineString" && features[1].geometry == nil)
        #expect(features[1].line == 3)
    }

    @Test func invalidPolygonIsRefusedWithItsIndex() throws {
        let path = try Self.file([
            Self.feature("\"id\": \"a\"", "Polygon", Self.box), Self.feature("\"id\": \"b\"", "Polygon", Self.bowtie),
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: InputError(
                "feature 1 has an invalid polygon: Self-intersection[35.25 51.15]", file: path, line: 3,
                field: "features[1].geometry", hint: "repair it (QGIS: Fix Geometries), or pass --repair")
        ) {
            try PolygonFileReader.read(path: path, repair: false, repairHint: "pass --repair")
        }
    }

    /// GEOSMakeValid turns a bow-tie into its two triangles, and the repair is reported.
    @Test func invalidPolygonIsRepairedOnRequest() throws {
        let path = try Self.file([Self.feature("\"id\": \"b\"", "Polygon", Self.bowtie)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let feature = try #require(try PolygonFileReader.read(path: path, repair: true, repairHint: "").first)
        #expect(feature.repair == "feature 0: Self-intersection[35.25 51.15], repaired with GEOSMakeValid")
        #expect(feature.geometry?.polygons.count == 2)
    }

    @Test func foreignCRSIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "salient-crs-\(UUID().uuidString).geojson"
        ).path
        try """
        {"type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
         "features": []}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(
            throws: InputError(
                "coordinates in 'urn:ogc:def:crs:EPSG::3857' are not WGS 84 longitude/latitude", file: path,
                line: 2, field: "crs", hint: "reproject the file to EPSG:4326, e.g. with ogr2ogr -t_srs EPSG:4326")
        ) {
            try PolygonFileReader.read(path: path, repair: false, repairHint: "")
        }
    }
}
