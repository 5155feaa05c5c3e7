import Foundation
import Testing

/// `--format gpkg`: the GeoPackage twins of export and snapshots, read by GDAL's validator,
/// ogrinfo, GDAL's Python bindings and headless QGIS.
@Suite struct GeoPackageTests {
    static let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
    static let fixture = SalientProcess.fixtures.appendingPathComponent("timelines/valid.yaml").path
    /// Debian's GDAL validator (python3-gdal).
    static let validator = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"

    /// A Kursk export (final day and 6 August, when the controlled tier is empty) and a
    /// snapshot run, with their twins, made once for the read-only tests below.
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent("salient-gpkg-\(UUID().uuidString)")
    static let outputs: URL = {
        // Shared by the tests of the suite, so removed only when the test process ends.
        atexit { try? FileManager.default.removeItem(at: GeoPackageTests.root) }
        _ = try? twin("export", into: root.appendingPathComponent("export"))
        _ = try? twin("export", into: root.appendingPathComponent("early"), ["--as-of", "2024-08-06"])
        _ = try? twin("snapshots", into: root.appendingPathComponent("snapshots"))
        return root
    }()

    /// Runs `command` on the Kursk timeline with `--format gpkg`.
    @discardableResult
    static func twin(_ command: String, into folder: URL, _ extra: [String] = []) throws -> SalientProcess.Outcome {
        try SalientProcess.run([command, kursk, "--out", folder.path, "--format", "gpkg", "-q"] + extra)
    }

    static func path(_ relative: String) -> String { outputs.appendingPathComponent(relative).path }

    static let twins: [(file: String, layers: [(table: String, geometry: String, count: Int, dates: [String])])] = [
        (
            "export/kursk-2024.gpkg",
            [
                ("events", "Point", 44, ["start_date", "end_date", "published_date"]),
                ("control", "Multi Polygon", 2, ["as_of_date"]),
            ]
        ),
        (
            "early/kursk-2024.gpkg",
            [
                ("events", "Point", 44, ["start_date", "end_date", "published_date"]),
                ("control", "Multi Polygon", 2, ["as_of_date"]),
            ]
        ),
        (
            "snapshots/kursk-2024-snapshots.gpkg",
            [
                ("control_timeline", "Multi Polygon", 13, ["start_date", "end_date"]),
                (
                    "events_timeline", "Point", 44,
                    ["start_date", "end_date", "published_date"]
                ),
                ("series", "None", 25, ["date"]),
            ]
        ),
    ]

    /// The validator with its extra checks (every DATE a date, every value its column's type),
    /// warnings counted as errors; it checks the R-tree's table, extension row and triggers.
    @Test(arguments: Self.twins.map(\.file))
    func gdalsValidatorPasses(_ file: String) throws {
        let result = try SalientProcess.tool(
            "python3",
            [Self.validator, "--extra", "--warning-as-error", Self.path(file)])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test(arguments: Self.twins.map(\.file))
    func ogrinfoTypesDatesAndCountsFeatures(_ file: String) throws {
        let twin = try #require(Self.twins.first { $0.file == file })
        for layer in twin.layers {
            let result = try SalientProcess.tool("ogrinfo", ["-ro", "-so", Self.path(file), layer.table])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("ERROR") && !result.stderr.contains("Warning"), "\(result.stderr)")
            #expect(result.stdout.contains("Geometry: \(layer.geometry)\n"), "\(layer.table)")
            #expect(result.stdout.contains("Feature Count: \(layer.count)\n"), "\(layer.table)")
            if layer.geometry != "None" { #expect(result.stdout.contains("ID[\"EPSG\",4326]"), "\(layer.table)") }
            for field in layer.dates {
                #expect(result.stdout.contains("\(field): Date (0.0)"), "\(layer.table).\(field) is not a Date")
            }
        }
    }

    /// Through GDAL, each table holds the features of its GeoJSON layer, in order, with the same
    /// geometries (as WKB) and the same values; the R-tree indexes every non-empty geometry.
    @Test(arguments: [
        ("export/kursk-2024.gpkg", ["events": "export/events.geojson", "control": "export/control.geojson"]),
        ("early/kursk-2024.gpkg", ["events": "early/events.geojson", "control": "early/control.geojson"]),
        (
            "snapshots/kursk-2024-snapshots.gpkg",
            [
                "events_timeline": "snapshots/events-timeline.geojson",
                "control_timeline": "snapshots/control-timeline.geojson",
            ]
        ),
    ])
    func tablesHoldWhatTheGeoJSONSays(_ file: String, layers: [String: String]) throws {
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/gpkg_matches_geojson.py").path
        let pairs = layers.keys.sorted().flatMap { [$0, Self.path(layers[$0]!)] }
        let result = try SalientProcess.tool("/usr/bin/python3", [script, Self.path(file)] + pairs)
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])
        for table in layers.keys {
            let seen = try #require(report[table])
            #expect(seen["mismatches"] as? [String] == [], "\(table): \(seen["mismatches"] ?? "")")
            #expect(seen["gpkg_count"] as? Int == seen["geojson_count"] as? Int)
            #expect(seen["compared"] as? Int == seen["geojson_count"] as? Int)
            #expect(seen["rtree_rows"] as? Int == seen["non_empty"] as? Int)
        }
        if file.hasPrefix("early/") {
            #expect(report["control"]?["non_empty"] as? Int == 1, "the controlled tier is empty on 6 August")
        }
    }

    /// The index's triggers, created after it was filled, keep it current when GDAL (which
    /// provides the ST_* functions they call) edits the file: an insert, a move, a delete.
    @Test func spatialIndexFollowsEditsThroughGDAL() throws {
        let copy = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("edited.gpkg")
        try FileManager.default.copyItem(atPath: Self.path("export/kursk-2024.gpkg"), toPath: file.path)
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/gpkg_rtree_edit.py").path
        let result = try SalientProcess.tool("/usr/bin/python3", [script, file.path, "events"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let rows = try #require(report["rtree"] as? [[Double]])
        #expect(report["features"] as? Int == 44)
        #expect(rows.count == 44)
        #expect(rows.first == [2, 30, 30, 40, 40], "feature 1 deleted, feature 2 moved")
        #expect(rows.last == [45, 10, 10, 20, 20], "the added feature")
        let validated = try SalientProcess.tool("python3", [Self.validator, file.path])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    /// QGIS opens each layer as QGIS Desktop does, loads its default style from layer_styles,
    /// and the layers with start_date and end_date come up with the Temporal Controller on.
    @Test func qgisLoadsEveryLayerWithTemporalModeFromTheDefaultStyle() throws {
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/qgis_gpkg_check.py").path
        let files = ["export/kursk-2024.gpkg", "snapshots/kursk-2024-snapshots.gpkg"]
        let result = try SalientProcess.tool(
            "/usr/bin/python3", [script] + files.map(Self.path),
            environment: ["QT_QPA_PLATFORM": "offscreen"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        let report = try #require(parsed as? [String: [String: [String: Any]]])
        let temporal: Set = ["events", "events_timeline", "control_timeline"]
        for file in files {
            let twin = try #require(Self.twins.first { $0.file == file })
            let layers = try #require(report[Self.path(file)])
            #expect(Set(layers.keys) == Set(twin.layers.map(\.table) + ["layer_styles"]))
            for layer in twin.layers {
                let seen = try #require(layers[layer.table])
                #expect(seen["valid"] as? Bool == true, "\(layer.table)")
                #expect(seen["feature_count"] as? Int == layer.count, "\(layer.table)")
                #expect(seen["iterated"] as? Int == layer.count, "\(layer.table)")
                let fields = seen["fields"] as? [String: String] ?? [:]
                for date in layer.dates {
                    #expect(fields[date] == "Date", "QGIS types \(layer.table).\(date) as \(fields[date] ?? "nothing")")
                }
                if layer.geometry != "None" { #expect(seen["crs"] as? String == "EPSG:4326") }
                let isTemporal = temporal.contains(layer.table)
                #expect(seen["style_loaded"] as? Bool == isTemporal, "\(layer.table): \(seen["style_message"] ?? "")")
                #expect(seen["temporal_active"] as? Bool == isTemporal, "\(layer.table)")
                if isTemporal {
                    #expect(seen["temporal_mode"] as? Int == 2, "ModeFeatureDateTimeStartAndEndFromFields")
                    #expect(seen["temporal_start"] as? String == "start_date")
                    #expect(seen["temporal_end"] as? String == "end_date")
                }
            }
        }
    }

    /// The twin comes beside the GeoJSON, which is byte for byte what a run without it writes.
    @Test func geoJSONIsTheSameWithTheTwin() throws {
        let plain = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: plain) }
        try SalientProcess.run(["export", Self.kursk, "--out", plain.appendingPathComponent("export").path, "-q"])
        try SalientProcess.run(["snapshots", Self.kursk, "--out", plain.appendingPathComponent("snapshots").path, "-q"])
        for name in [
            "export/events.geojson", "export/control.geojson", "snapshots/control-timeline.geojson",
            "snapshots/events-timeline.geojson", "snapshots/series.csv", "snapshots/series.json",
            "snapshots/daily/2024-08-14.control.geojson",
        ] {
            let without = FileManager.default.contents(atPath: plain.appendingPathComponent(name).path)
            #expect(FileManager.default.contents(atPath: Self.path(name)) == without, "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("export/kursk-2024.gpkg").path))
        let manifest = try String(contentsOfFile: Self.path("snapshots/.salient-manifest"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").contains { $0.hasSuffix(" kursk-2024-snapshots.gpkg") })
        let exportManifest = try String(contentsOfFile: Self.path("export/.salient-manifest"), encoding: .utf8)
        #expect(exportManifest.split(separator: "\n").contains { $0.hasSuffix(" kursk-2024.gpkg") })
    }

    /// Nothing in the file comes from the clock: reruns, and snapshot runs split into chunks,
    /// write the same bytes.
    @Test func rerunsWriteIdenticalBytes() throws {
        let again = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: again) }
        let export = try Self.twin("export", into: again.appendingPathComponent("export"))
        #expect(export.status == 0, "\(export.stderr)")
        let snapshots = try Self.twin("snapshots", into: again.appendingPathComponent("snapshots"), ["--jobs", "3"])
        #expect(snapshots.status == 0, "\(snapshots.stderr)")
        for name in ["export/kursk-2024.gpkg", "snapshots/kursk-2024-snapshots.gpkg"] {
            let first = try #require(FileManager.default.contents(atPath: Self.path(name)))
            #expect(first == FileManager.default.contents(atPath: again.appendingPathComponent(name).path), "\(name)")
        }
        // A rerun into the same folder replaces Salient's own GeoPackage, again with the same bytes.
        let rerun = try Self.twin("export", into: again.appendingPathComponent("export"))
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let replaced = FileManager.default.contents(atPath: again.appendingPathComponent("export/kursk-2024.gpkg").path)
        #expect(FileManager.default.contents(atPath: Self.path("export/kursk-2024.gpkg")) == replaced)
    }

    /// A file at the GeoPackage's path that is not a GeoPackage is the user's: refused with
    /// exit 2, even with --force, and nothing is written, for export and for snapshots.
    @Test(arguments: [("export", "fixture.gpkg"), ("snapshots", "fixture-snapshots.gpkg")])
    func fileThatIsNotAGeoPackageIsKept(_ command: String, _ name: String) throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent(name)
        try "my notes\n".write(to: target, atomically: true, encoding: .utf8)
        let refused = try SalientProcess.run([command, Self.fixture, "--out", out.path, "--format", "gpkg"])
        let message =
            "error: the file is not a GeoPackage, and Salient will not replace it "
            + "(\(target.path)) — move it away, or choose another folder with --out\n"
        #expect(refused.status == 2)
        #expect(refused.stderr == message)
        let forced = try SalientProcess.run([command, Self.fixture, "--out", out.path, "--format", "gpkg", "--force"])
        #expect(forced.status == 2)
        #expect(forced.stderr == message)
        #expect(try String(contentsOf: target, encoding: .utf8) == "my notes\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [name])
    }

    /// An output folder that cannot be made (its parent is a file) is refused before anything is written.
    @Test(arguments: ["export", "snapshots"])
    func folderThatCannotBeMadeIsRefused(_ command: String) throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("a-file")
        try "mine\n".write(to: file, atomically: true, encoding: .utf8)
        let under = file.appendingPathComponent("out").path
        let result = try SalientProcess.run([command, Self.fixture, "--out", under, "--format", "gpkg"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot create the output folder"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["a-file"])
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    }

    /// An output folder that does not exist yet is made, with its parents, as for the GeoJSON.
    @Test func missingFolderIsMade() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let folder = out.appendingPathComponent("new/deeper")
        let result = try SalientProcess.run(["export", Self.fixture, "--out", folder.path, "--format", "gpkg", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == [".salient-manifest", "control.geojson", "events.geojson", "fixture.gpkg"])
    }
}
