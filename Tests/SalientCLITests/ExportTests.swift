import Foundation
import Testing

@Suite struct ExportTests {
    static let fixtureTimeline = SalientProcess.fixtures.appendingPathComponent("timelines/valid.yaml").path

    @Test func fixtureExportMatchesGoldenFiles() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", Self.fixtureTimeline, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["events.geojson", "control.geojson"] {
            try assertGolden(
                String(contentsOf: out.appendingPathComponent(name), encoding: .utf8), named: "fixture/\(name)")
        }
    }

    /// Every feature carries `source_urls`, a string: its sources' URLs in order, a source
    /// without one (paper-2) left out, "" when none has one.
    @Test func everyFeatureKeepsItsSourcesURLs() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try SalientProcess.run(["export", Self.fixtureTimeline, "--out", out.path, "--quiet"])
        var urls: [String: String] = [:]
        for name in ["events.geojson", "control.geojson"] {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for feature in try #require(root["features"] as? [[String: Any]]) {
                let properties = try #require(feature["properties"] as? [String: Any])
                let id = (properties["id"] ?? properties["tier"]) as? String ?? ""
                urls[id] = try #require(properties["source_urls"] as? String, "\(name): \(id)")
            }
        }
        #expect(urls["alphaville-held"] == "https://example.org/reports/wire-1")  // wire-1; paper-2
        #expect(urls["bravo-repelled"] == "")  // paper-2 alone
        #expect(urls["controlled"] == "https://example.org/reports/wire-1")  // paper-2; wire-1
        #expect(urls.count == 8)
    }

    @Test func twoRunsWriteIdenticalBytes() throws {
        let a = try SalientProcess.temporaryFolder()
        let b = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        try SalientProcess.run(["export", Self.fixtureTimeline, "--out", a.path, "--quiet"])
        try SalientProcess.run(["export", Self.fixtureTimeline, "--out", b.path, "--quiet"])
        for name in ["events.geojson", "control.geojson"] {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name))
            )
        }
    }

    /// The committed Kursk exports are what the current code makes from the bundled timeline:
    /// CI fails when they are stale.
    @Test func committedKurskExportsAreCurrent() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "timelines/kursk-2024.yaml", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["events.geojson", "control.geojson"] {
            let committed = SalientProcess.repository.appendingPathComponent("exports/kursk-2024/\(name)")
            #expect(
                try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: committed),
                "exports/kursk-2024/\(name) is stale: run `swift run salient export timelines/kursk-2024.yaml` and commit"
            )
        }
    }

    @Test(arguments: ["Golden/fixture/events.geojson", "Golden/fixture/control.geojson"])
    func goldenExportsFollowRFC7946(_ name: String) throws {
        let url = SalientProcess.golden.deletingLastPathComponent().appendingPathComponent(name)
        #expect(try GeoJSONStructure.violations(in: url) == [])
    }

    @Test(arguments: [
        "exports/kursk-2024/events.geojson", "exports/kursk-2024/control.geojson",
        "gazetteer/places.geojson", "gazetteer/areas.geojson", "gazetteer/border.geojson",
    ])
    func committedGeoJSONFollowsRFC7946(_ name: String) throws {
        #expect(try GeoJSONStructure.violations(in: SalientProcess.repository.appendingPathComponent(name)) == [])
    }

    @Test func kurskEstimateNamesItsEvidence() throws {
        let url = SalientProcess.repository.appendingPathComponent("exports/kursk-2024/control.geojson")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        let properties = features.compactMap { $0["properties"] as? [String: Any] }
        #expect(properties.map { $0["tier"] as? String } == ["controlled", "contested"])
        #expect(properties.allSatisfy { ($0["area_km2"] as? Double ?? 0) > 0 })
        #expect(properties.allSatisfy { ($0["as_of_date"] as? String) == "2024-08-30" })
        #expect((properties[0]["events"] as? String)?.contains("sudzha-control") == true)
    }

    @Test func failedRunKeepsTheFilesAUserHad() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let old = out.appendingPathComponent("events.geojson")
        try "previous export\n".write(to: old, atomically: true, encoding: .utf8)
        let bad = out.appendingPathComponent("bad.yaml")
        try String(contentsOfFile: Self.fixtureTimeline, encoding: .utf8)
            .replacingOccurrences(
                of: "gazetteer: ../gazetteer", with: "gazetteer: \(SalientProcess.fixtures.path)/gazetteer"
            )
            .replacingOccurrences(of: "date: 2024-08-11", with: "date: 2024-02-30")
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try SalientProcess.run(["export", bad.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(try String(contentsOf: old, encoding: .utf8) == "previous export\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("control.geojson").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
