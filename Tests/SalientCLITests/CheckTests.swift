import Foundation
import SalientCore
import Testing

/// `salient check`: the Kursk claims' table as a golden file, every format of the fixture
/// timeline, and the GeoJSON of what was measured as GDAL reads it.
@Suite struct CheckTests {
    static let fixture = "check/fixture-check.yaml"

    @Test func kurskTableMatchesItsGoldenFile() throws {
        let result = try SalientProcess.run(["check", "timelines/kursk-2024.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try assertGolden(result.stdout, named: "check/kursk-2024.txt")
    }

    @Test(arguments: [("table", "txt"), ("markdown", "md"), ("csv", "csv"), ("json", "json")])
    func fixtureFormatsMatchTheirGoldenFiles(_ format: String, _ ext: String) throws {
        let result = try SalientProcess.run(["check", Self.fixture, "--format", format], in: SalientProcess.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, named: "check/fixture.\(ext)")
    }

    /// The Kursk verdicts that matter, read from the JSON rather than the layout.
    @Test func kurskVerdicts() throws {
        let result = try SalientProcess.run(["check", "timelines/kursk-2024.yaml", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(root["claims"] as? [[String: Any]])
        #expect(claims.count == 42)
        let verdicts = Dictionary(
            uniqueKeysWithValues: claims.map { ($0["id"] as? String ?? "", $0["verdict"] as? String ?? "") })
        #expect(verdicts["afp-isw-area"] == "consistent")
        #expect(verdicts["zelenskyy-area"] == "consistent")
        #expect(verdicts["max-depth"] == "consistent")
        #expect(verdicts["sudzha-to-border"] == "consistent")
        #expect(verdicts["russkoye-porechnoye-to-border"] == "consistent")
        #expect(verdicts["kursk-npp-to-fighting"] == "consistent")
        #expect(verdicts["ukraine-military-settlements"] == "not measurable")
        #expect(verdicts["kursk-evacuated"] == "not measurable")
        let cross = try #require(root["cross_checks"] as? [[String: Any]])
        let statement = try #require(cross.first { $0["kind"] as? String == "same_statement" })
        #expect(statement["claims"] as? [String] == ["syrskyi-advance-per-day", "zelensky-advance-per-day"])
        #expect(statement["verdict"] as? String == "overstated")
        // Syrskyi's tally of 27 August: its two reports agree; troops moved in and prisoners
        // taken, both `other`, are two statements and neither is judged against the other.
        #expect(verdicts["syrskyi-area-2024-08-27"] == "consistent")
        #expect(verdicts["korenevo-to-border"] == "consistent")
        #expect(verdicts["syrskyi-russian-reinforcements-2024-08-27"] == "not measurable")
        let statements = cross.filter { $0["kind"] as? String == "same_statement" }.map { $0["claims"] as? [String] }
        #expect(
            statements == [
                ["syrskyi-advance-per-day", "zelensky-advance-per-day"],
                ["syrskyi-area-2024-08-27", "syrskyi-area-2024-08-27-rounded"],
            ])
        // Claims are measured on their as-of day: AFP's figure of Monday the 12th, published the 15th.
        let afp = try #require(claims.first { $0["id"] as? String == "afp-isw-area" })
        #expect(
            (afp["measured"] as? [String: Any])?["text"] as? String
                == "the estimate of 2024-08-12: 0.0 km² certain (the discs of the places reported held or fought "
                + "over) to "
                + "1,373.8 km² not contradicted (controlled + contested); controlled 0.0 km², controlled + contested "
                + "1,373.8 km²")
        // Nothing is held yet, so nothing is certain: the range has no low end. Every measured
        // verdict says how wide its range was.
        #expect((afp["measured"] as? [String: Any])?["width"] as? String == "unbounded")
        let measured = claims.compactMap { $0["measured"] as? [String: Any] }
        #expect(measured.count == 19 && measured.allSatisfy { $0.keys.contains("width") })
    }

    @Test func geoJSONHoldsWhatWasMeasured() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("check.geojson")
        let result = try SalientProcess.run(["check", "timelines/kursk-2024.yaml", "--geojson", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let areas = out.appendingPathComponent("check.areas.geojson")
        #expect(result.stderr == "wrote \(file.path) and \(areas.path)\n")
        for url in [file, areas] { #expect(try GeoJSONStructure.violations(in: url) == []) }
        let lines = try SalientProcess.tool("ogrinfo", ["-ro", "-al", "-so", file.path])
        #expect(lines.stdout.contains("Geometry: Line String\n"))
        #expect(lines.stdout.contains("as_of_date: Date (0.0)"))
        #expect(lines.stdout.contains("length_km: Real (0.0)"))
        let polygons = try SalientProcess.tool("ogrinfo", ["-ro", "-al", "-so", areas.path])
        #expect(polygons.stdout.contains("Geometry: Multi Polygon\n"))
        #expect(polygons.stdout.contains("area_km2: Real (0.0)"))
        // Every distance segment carries the geodesic length of its two ends.
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let geodesic = try Geodesic.wgs84()
        let sudzha = try #require(
            features.first { ($0["properties"] as? [String: Any])?["label"] as? String == "Sudzha to the border" })
        let ends = try #require((sudzha["geometry"] as? [String: Any])?["coordinates"] as? [[Double]])
        let length = try #require((sudzha["properties"] as? [String: Any])?["length_km"] as? Double)
        let measured =
            geodesic.distance(LonLat(lon: ends[0][0], lat: ends[0][1]), LonLat(lon: ends[1][0], lat: ends[1][1])) / 1000
        #expect(abs(measured - length) < 0.001)  // ends rounded to 6 decimals, about 0.1 m
        #expect(
            Set(features.compactMap { ($0["properties"] as? [String: Any])?["role"] as? String })
                == [
                    "border_stretch", "depth", "depth_reported_place", "distance_between", "distance_to_border",
                    "distance_to_fighting_edge", "distance_to_fighting_place",
                ])
    }

    /// Where the estimate and each map disagree is drawn: one polygon per side of each
    /// definition the map's layers make, dated by the map, beside the map's own layers.
    @Test func theAreasFileShowsWhereTheEstimateAndTheMapsDisagree() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let lines = out.appendingPathComponent("check.geojson")
        let areas = out.appendingPathComponent("check.areas.geojson")
        let result = try SalientProcess.run(
            ["check", Self.fixture, "--geojson", lines.path], in: SalientProcess.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try GeoJSONStructure.violations(in: areas) == [])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: areas)) as? [String: Any])
        let properties = try #require(root["features"] as? [[String: Any]]).compactMap {
            $0["properties"] as? [String: Any]
        }
        let differences = properties.filter { ($0["role"] as? String)?.hasSuffix("_outside_map") == true }
        #expect(
            Set(differences.compactMap { $0["label"] as? String }) == [
                "digitised-0811: controlled_plus_contested, the estimate outside the map",
                "deepstate-style-0813: controlled, the estimate outside the map",
                "deepstate-style-0813: controlled_plus_contested, the estimate outside the map",
            ])
        #expect(
            properties.contains {
                $0["label"] as? String == "deepstate-style-0813: controlled, the map outside the estimate"
            })
        #expect(properties.filter { $0["role"] as? String == "map" }.count == 4)
    }

    /// Headless QGIS loads both files with typed fields, as a user would open them.
    @Test func qgisLoadsWhatWasMeasured() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let lines = out.appendingPathComponent("check.geojson")
        let areas = out.appendingPathComponent("check.areas.geojson")
        let result = try SalientProcess.run(
            ["check", Self.fixture, "--geojson", lines.path], in: SalientProcess.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/qgis_check.py").path
        let qgis = try SalientProcess.tool(
            "/usr/bin/python3", [script, lines.path, areas.path], environment: ["QT_QPA_PLATFORM": "offscreen"])
        #expect(qgis.status == 0, "\(qgis.stderr)")
        let line = try #require(qgis.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])
        for (path, measure) in [(lines.path, "length_km"), (areas.path, "area_km2")] {
            let seen = try #require(report[path])
            #expect(seen["valid"] as? Bool == true)
            #expect((seen["feature_count"] as? Int ?? 0) > 0)
            #expect(seen["iterated"] as? Int == seen["feature_count"] as? Int)
            #expect(seen["crs"] as? String == "EPSG:4326")
            let fields = seen["fields"] as? [String: String] ?? [:]
            #expect(fields["as_of_date"] == "Date")
            #expect(fields[measure] == "Real")
        }
    }

    @Test func twoRunsPrintAndWriteIdenticalBytes() throws {
        let a = try SalientProcess.temporaryFolder()
        let b = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let first = try SalientProcess.run(
            ["check", Self.fixture, "--geojson", a.appendingPathComponent("m.geojson").path],
            in: SalientProcess.fixtures)
        let second = try SalientProcess.run(
            ["check", Self.fixture, "--geojson", b.appendingPathComponent("m.geojson").path],
            in: SalientProcess.fixtures)
        #expect(first.stdout == second.stdout)
        for name in ["m.geojson", "m.areas.geojson"] {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name))
            )
        }
    }

    @Test(arguments: ["check", "check-area"])
    func helpHasAnExample(_ subcommand: String) throws {
        let result = try SalientProcess.run([subcommand, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        #expect(result.stdout.contains("salient \(subcommand) "))
        let root = try SalientProcess.run(["--help"])
        #expect(root.stdout.contains(subcommand))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try SalientProcess.run(["check", "timelines/kursk-2024.yaml", "--format", "yaml"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "Error: The value 'yaml' is invalid for '--format <format>'. Please provide one of 'table', 'json', 'csv' or 'markdown'."
            ))
    }
}
