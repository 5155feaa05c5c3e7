import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// The optional `maps:` section: dated polygons from elsewhere, read with the timeline.
@Suite struct MapsReaderTests {
    /// The Kursk timeline in a temporary folder, with `maps` appended and the gazetteer named absolutely.
    static func timeline(maps: String, mapFile: String? = nil) throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salient-maps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = try String(contentsOfFile: Paths.kursk, encoding: .utf8)
            .replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(Paths.gazetteer)")
        text += "\nmaps:\n" + maps
        let path = folder.appendingPathComponent("timeline.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        if let mapFile {
            try mapFile.write(to: folder.appendingPathComponent("map.geojson"), atomically: true, encoding: .utf8)
        }
        return (path, folder)
    }

    static let twoBoxes = """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"unit": "a"}, "geometry": {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.5, 51.0], [35.5, 51.3], [35.0, 51.3], [35.0, 51.0]]]}},
        {"type": "Feature", "properties": {"unit": "b"}, "geometry": {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.5, 51.0], [35.5, 51.3], [35.0, 51.3], [35.0, 51.0]]]}},
        {"type": "Feature", "properties": {"unit": "front"}, "geometry": {"type": "LineString", "coordinates": [[35.0, 51.3], [35.5, 51.3]]}}
        ]}
        """

    static let entry = """
          - id: digitised-0813
            title: My digitising
            source: traced by hand from a screenshot, CC0
            as_of: 2024-08-13
            depicts: controlled_plus_contested
            file: map.geojson

        """

    /// Overlapping features count once: two copies of a box are one box's geodesic area.
    @Test func mapsAreReadUnionedAndMeasured() throws {
        let (path, folder) = try Self.timeline(maps: Self.entry, mapFile: Self.twoBoxes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = try TimelineReader.read(path: path)
        let map = try #require(loaded.maps.first)
        #expect(loaded.maps.count == 1)
        #expect(map.id == "digitised-0813" && map.asOf == CalendarDay("2024-08-13"))
        #expect(map.layers.map(\.category) == ["all features"] && map.depicts == "controlled_plus_grey")
        let box = MultiPolygon([
            Polygon(exterior: [
                LonLat(lon: 35, lat: 51), LonLat(lon: 35.5, lat: 51), LonLat(lon: 35.5, lat: 51.3),
                LonLat(lon: 35, lat: 51.3), LonLat(lon: 35, lat: 51),
            ])
        ])
        let expected = try Geodesic.wgs84().area(of: box) / 1e6
        #expect(abs(map.layers[0].areaSquareKilometers - expected) < 1e-6)
        #expect(map.repairs.isEmpty)
    }

    /// Maps lag the ground: one of the morning after the timeline's last day (or of any day) is read.
    @Test func aMapOfAnyDayIsRead() throws {
        for asOf in ["2024-08-16", "2024-07-01"] {
            let (path, folder) = try Self.timeline(
                maps: Self.entry.replacingOccurrences(of: "2024-08-13", with: asOf), mapFile: Self.twoBoxes)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try TimelineReader.read(path: path).maps.map(\.asOf) == [CalendarDay(asOf)!])
        }
    }

    @Test func aMapMustDepictAnArea() throws {
        let (path, folder) = try Self.timeline(
            maps: Self.entry.replacingOccurrences(of: "controlled_plus_contested", with: "depth"),
            mapFile: Self.twoBoxes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: InputError.self) { try TimelineReader.read(path: path) }
        #expect(error.message == "'depth' is not one of controlled, controlled_plus_contested, advanced_over")
        #expect(error.field == "maps[0].depicts")
    }

    @Test func aMissingMapFileIsNamed() throws {
        let (path, folder) = try Self.timeline(maps: Self.entry)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: InputError.self) { try TimelineReader.read(path: path) }
        #expect(error.message == "file not found")
        #expect(error.file == folder.appendingPathComponent("map.geojson").path)
    }
}
