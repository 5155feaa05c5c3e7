import Foundation
import Testing

/// Every kind of bad input gets one clear message naming the file, the line and the field,
/// exit code 2, and no output. Each case is a file under Fixtures/bad whose first line says
/// what is wrong with it.
@Suite struct BadInputTests {
    static let cases: [(file: String, message: String)] = [
        ("ambiguous-alias.yaml",
         "error: ambiguous place 'Delta': delta-north (village in north-land), delta-east (village in north-land) (bad/ambiguous-alias.yaml:58, field events[2].place) — write the id of the place you mean"),
        ("claim-without-unit.yaml",
         "error: missing field 'unit' (bad/claim-without-unit.yaml:99, field claims[1].unit)"),
        ("coordinates-nan.yaml",
         "error: expected a finite number, found .nan (bad/coordinates-nan.yaml:66, field events[3].coordinates)"),
        ("coordinates-out-of-range.yaml",
         "error: coordinates out of range: longitude 236.8, latitude 51.15 (bad/coordinates-out-of-range.yaml:66, field events[3].coordinates) — longitude must lie in [-180, 180] and latitude in [-90, 90], longitude first"),
        ("gazetteer-duplicate-ids.yaml",
         "error: duplicate id 'bravo' (bad-gazetteers/duplicate-ids/places.geojson:11, field id) — first used at bad-gazetteers/duplicate-ids/places.geojson:6; ids must be unique across the gazetteer"),
        ("gazetteer-empty.yaml",
         "error: the gazetteer holds no places (bad-gazetteers/empty) — add places.geojson with at least one feature"),
        ("gazetteer-self-intersecting-area.yaml",
         "error: invalid polygon: Self-intersection[36 51.75] (bad-gazetteers/self-intersecting-area/areas.geojson:5, field features[0].geometry.coordinates) — repair it, e.g. with QGIS's Fix Geometries"),
        ("gazetteer-unclosed-ring.yaml",
         "error: the ring is not closed (bad-gazetteers/unclosed-ring/areas.geojson:5, field features[0].geometry.coordinates[0][0]) — repeat the first position at the end of each ring"),
        ("impossible-date.yaml",
         "error: '2024-02-30' is not a date (bad/impossible-date.yaml:56, field events[2].date) — write a day that exists as YYYY-MM-DD"),
        ("interval-ends-before-start.yaml",
         "error: the interval ends (2024-08-08) before it starts (2024-08-10) (bad/interval-ends-before-start.yaml:47, field events[1].date.end)"),
        ("malformed-yaml.yaml",
         "error: malformed YAML: did not find expected ',' or ']' while parsing a flow sequence started on line 41 (bad/malformed-yaml.yaml:42)"),
        ("misspelt-field.yaml",
         "error: unknown field 'sumary' (bad/misspelt-field.yaml:61, field events[2].sumary) — did you mean summary?"),
        ("source-without-outlet.yaml",
         "error: missing field 'outlet' (bad/source-without-outlet.yaml:26, field sources[0].outlet)"),
        ("unknown-kind.yaml",
         "error: 'repeled' is not one of advance, control, contested, repelled, strike, evacuation, emergency, statement (bad/unknown-kind.yaml:57, field events[2].kind) — did you mean repelled?"),
        ("unknown-place.yaml",
         "error: unknown place 'Bravvo' (bad/unknown-place.yaml:58, field events[2].place) — did you mean Bravo?"),
        ("unknown-source.yaml",
         "error: unknown source 'paper-3' (bad/unknown-source.yaml:62, field events[2].sources) — did you mean paper-2?"),
        ("unknown-unit.yaml",
         "error: unknown unit 'furlongs' (bad/unknown-unit.yaml:107, field claims[1].unit) — use one of km2, sq mi, km, m, mi, settlements, people"),
    ]

    @Test(arguments: Self.cases.map(\.file))
    func badInputIsRefusedWithItsMessage(_ file: String) throws {
        let expected = try #require(Self.cases.first { $0.file == file }).message
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "bad/\(file)", "--out", out.path], in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr == expected + "\n")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "a refused run wrote output")
    }

    @Test func everyFixtureHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SalientProcess.fixtures.appendingPathComponent("bad").path)
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test func missingTimelineIsBadInput() throws {
        let result = try SalientProcess.run(["export", "no/such/timeline.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: file not found (no/such/timeline.yaml)\n")
    }

    @Test func badOptionIsAUsageError() throws {
        let result = try SalientProcess.run(["export", "timelines/kursk-2024.yaml", "--as-of", "2024-02-30"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--as-of '2024-02-30' is not a date"))
        let unknown = try SalientProcess.run(["export", "timelines/kursk-2024.yaml", "--frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--frobnicate'"))
    }
}
