import Foundation
import Testing

/// `salient check-area` on another project's map: hedged text and plain numbers, a Web
/// Mercator area and two spherical ones recognised, a line and an unlabelled polygon not measurable, a bow-tie repaired.
@Suite struct CheckAreaTests {
    static let arguments = ["check-area", "check-area/their-map.geojson", "--claimed-field", "area", "--repair"]

    @Test(arguments: [("table", "txt"), ("json", "json"), ("csv", "csv"), ("markdown", "md")])
    func reportMatchesItsGoldenFile(_ format: String, _ ext: String) throws {
        let result = try SalientProcess.run(Self.arguments + ["--format", format], in: SalientProcess.fixtures)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, named: "check-area/their-map.\(ext)")
    }

    @Test func verdictsAndRepairs() throws {
        let result = try SalientProcess.run(Self.arguments + ["--format", "json"], in: SalientProcess.fixtures)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(
            features.map { $0["verdict"] as? String } == [
                "consistent", "overstated", "overstated", "not measurable",
                "not measurable", "understated", "consistent", "consistent",
            ])
        #expect((features[1]["reason"] as? String)?.contains("Web Mercator (EPSG:3857)") == true)
        // Features 6 and 7 claim the closed form R²·Δλ·(sin φ₂ − sin φ₁) of their lat-lon box on
        // each sphere, rounded: 1,163.4 and 1,166 km², against 1,167.7 km² on the ellipsoid.
        #expect((features[6]["reason"] as? String)?.contains("a sphere of R = 6,371,008.8 m") == true)
        #expect((features[7]["reason"] as? String)?.contains("a sphere of R = 6,378,137 m") == true)
        #expect(features[0...5].allSatisfy { ($0["reason"] as? String)?.contains("sphere") == false })
        #expect(
            features[5]["repair"] as? String == "feature 5: Self-intersection[36.1 51.125], repaired with GEOSMakeValid"
        )
    }

    /// A tighter tolerance turns a near match into a verdict; the id field names the rows.
    @Test func toleranceAndLabelsAreOptions() throws {
        let result = try SalientProcess.run(
            Self.arguments + ["--tolerance-percent", "1", "--id-field", "name", "--format", "csv"],
            in: SalientProcess.fixtures)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows[1].hasPrefix("0,north salient,Polygon,\"about 1,000 km²\""))
        #expect(rows[1].contains(",understated,"))  // about 1,000 (900–1,100) against 1,167.6 km² ±1 %
    }
}
