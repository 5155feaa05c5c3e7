import Foundation
import Testing

/// Bad input to `salient check` and `salient check-area`: one message naming the file, the
/// line and the field, exit code 2, nothing on stdout and nothing written. The timelines are
/// under Fixtures/bad-check, each saying on its first line what is wrong with it.
@Suite struct CheckBadInputTests {
    static let cases: [(file: String, message: String)] = [
        (
            "date-outside.yaml",
            "error: the claim holds as of 2024-07-30, outside the timeline, which spans 2024-08-06 to 2024-08-12 (bad-check/date-outside.yaml:90, field claims[0].as_of) — the checker measures claims on days the timeline's events cover"
        ),
        (
            "distance-between-without-to.yaml",
            "error: a distance_between claim names the place it is measured to (bad-check/distance-between-without-to.yaml:98, field claims[0].to) — add to: with a gazetteer name"
        ),
        (
            "distance-without-place.yaml",
            "error: a distance_to_border claim names the place it is measured from (bad-check/distance-without-place.yaml:87, field claims[0].place) — add place: with a gazetteer name"
        ),
        (
            "map-layer-undefined.yaml",
            "error: the map layer 'geoJSON.status.liberated' has no recognisable definition; the map's categories are geoJSON.status.liberated, geoJSON.status.unknown (bad-check/map-layer-undefined.yaml:100, field maps[0].layers) — name it on the map, as in layers: {\"geoJSON.status.liberated\": controlled}, with one of controlled, grey_zone, controlled_plus_grey, advanced_over, claimed, other_side"
        ),
        (
            "map-invalid-polygon.yaml",
            "error: feature 0 has an invalid polygon: Self-intersection[36.1 51.125] (bad-check/maps/bowtie.geojson:2, field features[0].geometry) — repair it (QGIS: Fix Geometries), or set repair: true on the map to repair it with GEOSMakeValid"
        ),
        (
            "unit-mismatch.yaml",
            "error: a figure in km2 does not measure distance_to_border (bad-check/unit-mismatch.yaml:94, field claims[0].unit) — use km, m, mi"
        ),
        (
            "unknown-place.yaml",
            "error: unknown place 'Bravvo' (bad-check/unknown-place.yaml:97, field claims[0].place) — did you mean Bravo?"
        ),
        (
            "unknown-unit.yaml",
            "error: unknown unit 'furlongs' (bad-check/unknown-unit.yaml:94, field claims[0].unit) — use one of km2, sq mi, km, m, mi, settlements, people"
        ),
    ]

    @Test(arguments: Self.cases.map(\.file))
    func badTimelineIsRefusedWithItsMessage(_ file: String) throws {
        let expected = try #require(Self.cases.first { $0.file == file }).message
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(
            ["check", "bad-check/\(file)", "--geojson", out.appendingPathComponent("m.geojson").path],
            in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr == expected + "\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "a refused run wrote output")
    }

    @Test func everyFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: SalientProcess.fixtures.appendingPathComponent("bad-check").path)
        #expect(Set(files.filter { $0.hasSuffix(".yaml") }) == Set(Self.cases.map(\.file)))
    }

    static let areaCases: [(arguments: [String], message: String)] = [
        (
            ["check-area/their-map.geojson", "--claimed-field", "area"],
            "error: feature 5 has an invalid polygon: Self-intersection[36.1 51.125] (check-area/their-map.geojson:7, field features[5].geometry) — repair it (QGIS: Fix Geometries), or pass --repair to repair it with GEOSMakeValid"
        ),
        (
            ["check-area/their-map.geojson", "--claimed-field", "aera", "--repair"],
            "error: 'aera' is missing or null in every feature (check-area/their-map.geojson, field aera) — did you mean area?"
        ),
        (
            ["check-area/no-number.geojson", "--claimed-field", "area"],
            "error: the claimed area 'dozens of villages' holds no number (check-area/no-number.geojson:2, field features[0].properties.area) — write a figure such as 812.5, \"about 800 km²\" or \"310 sq mi\""
        ),
        (
            ["check-area/unknown-unit.geojson", "--claimed-field", "area"],
            "error: unknown unit 'furlongs' in the claimed area '800 furlongs' (check-area/unknown-unit.geojson:2, field features[0].properties.area) — use km², sq km, square kilometres or square miles"
        ),
        (
            ["check-area/not-an-area.geojson", "--claimed-field", "area"],
            "error: the claimed area 'up to 30 km' is in km, not an area unit (check-area/not-an-area.geojson:2, field features[0].properties.area) — use km², sq km, square kilometres or square miles"
        ),
        (
            ["check-area/missing.geojson", "--claimed-field", "area"],
            "error: file not found (check-area/missing.geojson)"
        ),
    ]

    @Test(arguments: Self.areaCases.indices)
    func badPolygonFileIsRefusedWithItsMessage(_ index: Int) throws {
        let (arguments, message) = Self.areaCases[index]
        let result = try SalientProcess.run(["check-area"] + arguments, in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr == message + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownAreaUnitIsAUsageError() throws {
        let result = try SalientProcess.run(
            ["check-area", "check-area/their-map.geojson", "--claimed-field", "area", "--unit", "furlongs"],
            in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: unknown area unit 'furlongs'"))
    }
}
