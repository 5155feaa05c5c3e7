import Foundation
import Testing

/// The exports are read by the clients users open them in: GDAL's ogrinfo and headless QGIS.
@Suite struct ClientTests {
    static let layers: [(file: String, geometry: String, count: Int, dates: [String])] = [
        ("exports/kursk-2024/events.geojson", "Point", 44, ["start_date", "end_date", "published_date"]),
        ("exports/kursk-2024/control.geojson", "Multi Polygon", 2, ["as_of_date"]),
        (
            "Tests/SalientCLITests/Golden/fixture/events.geojson", "Point", 6,
            ["start_date", "end_date", "published_date"]
        ),
        ("Tests/SalientCLITests/Golden/fixture/control.geojson", "Multi Polygon", 2, ["as_of_date"]),
    ]

    @Test(arguments: Self.layers.map(\.file))
    func ogrinfoReadsTheLayer(_ file: String) throws {
        let layer = try #require(Self.layers.first { $0.file == file })
        let path = SalientProcess.repository.appendingPathComponent(file).path
        let result = try SalientProcess.tool("ogrinfo", ["-ro", "-al", "-so", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("ERROR"), "\(result.stderr)")
        #expect(result.stdout.contains("Geometry: \(layer.geometry)\n"))
        #expect(result.stdout.contains("Feature Count: \(layer.count)\n"))
        #expect(result.stdout.contains("ID[\"EPSG\",4326]"))
        for field in layer.dates {
            #expect(result.stdout.contains("\(field): Date (0.0)"), "\(field) is not typed Date")
        }
    }

    @Test func qgisLoadsEveryLayerWithDateFields() throws {
        let paths = Self.layers.map { SalientProcess.repository.appendingPathComponent($0.file).path }
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/qgis_check.py").path
        // Debian's own Python: python3-qgis installs the qgis module for it, not for other Pythons on PATH.
        let result = try SalientProcess.tool(
            "/usr/bin/python3", [script] + paths, environment: ["QT_QPA_PLATFORM": "offscreen"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])
        for (layer, path) in zip(Self.layers, paths) {
            let seen = try #require(report[path])
            #expect(seen["valid"] as? Bool == true)
            #expect(seen["feature_count"] as? Int == layer.count)
            #expect(seen["iterated"] as? Int == layer.count)
            #expect(seen["crs"] as? String == "EPSG:4326")
            let fields = seen["fields"] as? [String: String] ?? [:]
            for date in layer.dates {
                #expect(fields[date] == "Date", "QGIS types \(date) as \(fields[date] ?? "nothing")")
            }
        }
    }
}
