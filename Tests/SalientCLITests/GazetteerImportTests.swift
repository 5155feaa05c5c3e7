import Foundation
import Testing

/// `salient gazetteer import geonames|geojson`, run as a user runs it, on the fixtures under
/// Fixtures/geonames and Fixtures/osm (see Fixtures/geonames/README.md for how they were made).
@Suite struct GazetteerImportTests {
    static let geonames = SalientProcess.fixtures.appendingPathComponent("geonames")
    static let dump = geonames.appendingPathComponent("RU-UA-border.txt").path
    static let zip = geonames.appendingPathComponent("RU-UA-border.zip").path
    static let admin1 = geonames.appendingPathComponent("admin1CodesASCII.txt").path
    static let alternateNames = geonames.appendingPathComponent("alternateNamesV2.txt").path
    static let osm = SalientProcess.fixtures.appendingPathComponent("osm/sample.geojson").path

    /// The fixture's rows as columns, read here independently of Salient's reader.
    static let rows: [[String]] =
        (try? String(contentsOfFile: dump, encoding: .utf8))?
        .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        ?? []

    /// Every file of a folder with its bytes, to show that a refused run changed nothing.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    static func features(_ url: URL) throws -> [[String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return root?["features"] as? [[String: Any]] ?? []
    }

    static func properties(_ url: URL) throws -> [String: [String: Any]] {
        var byID: [String: [String: Any]] = [:]
        for feature in try features(url) {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            byID[properties["id"] as? String ?? ""] = properties
        }
        return byID
    }

    /// A copy of the bundled gazetteer to import into.
    static func bundledCopy() throws -> URL {
        let folder = try SalientProcess.temporaryFolder()
        for file in ["places.geojson", "areas.geojson", "border.geojson"] {
            try FileManager.default.copyItem(
                at: SalientProcess.repository.appendingPathComponent("gazetteer/\(file)"),
                to: folder.appendingPathComponent(file))
        }
        return folder
    }

    @Test func geonamesImportWithCountryAndAdmin1FiltersWritesAPlacesFileThatLoadsBack() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let into = folder.appendingPathComponent("g")
        let result = try SalientProcess.run([
            "gazetteer", "import", "geonames", Self.dump, "--into", into.path,
            "--country", "RU", "--admin1", "41", "--admin1-codes", Self.admin1,
        ])
        let places = into.appendingPathComponent("places.geojson")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(places.path): 41 added, 0 updated, 0 kept\n")
        let expected = Self.rows.filter { $0[8] == "RU" && $0[10] == "41" }.map { "geonames:\($0[0])" }
        let written = try Self.properties(places)
        #expect(Set(written.values.map { $0["source_id"] as? String ?? "" }) == Set(expected))
        #expect(try GeoJSONStructure.violations(in: places).isEmpty)

        // The reader's layout: header lines, one feature per line, the 13 properties in order.
        let lines = try String(contentsOf: places, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.prefix(4) == ["{", "\"type\": \"FeatureCollection\",", "\"name\": \"places\",", "\"features\": ["])
        #expect(lines.suffix(3) == ["]", "}", ""])
        let keys =
            "\"id\".*\"name\".*\"name_local\".*\"aliases\".*\"kind\".*\"parent\".*\"country\".*\"source\".*"
            + "\"source_id\".*\"source_url\".*\"licence\".*\"uncertainty_m\".*\"note\""
        #expect(lines.dropFirst(4).dropLast(3).allSatisfy { $0.range(of: keys, options: .regularExpression) != nil })
        #expect(lines.count == 4 + 41 + 3)

        let sudzha = try #require(written["sudzha"])
        #expect(sudzha["kind"] as? String == "town")
        #expect(sudzha["parent"] as? String == "kursk-oblast")
        #expect(sudzha["source_url"] as? String == "https://www.geonames.org/486816")
        #expect(sudzha["licence"] as? String == "CC BY 4.0")
        #expect(sudzha["source"] as? String == "GeoNames dump (record modified 2000-01-01)")
        #expect(written["kursk"]?["kind"] as? String == "city")  // PPLA, 440,000 people

        let listed = try SalientProcess.run(["places", "--gazetteer", into.path, "Суджа"])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("Суджа → sudzha: Sudzha"))
    }

    @Test func bboxAndMinPopulationFilterRows() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SalientProcess.run([
            "gazetteer", "import", "geonames", Self.dump, "--into", folder.path,
            "--bbox", "35,50.5,36.5,51.5", "--min-population", "2000",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = Self.rows.filter { row in
            let lat = Double(row[4])!
            let lon = Double(row[5])!
            return (35...36.5).contains(lon) && (50.5...51.5).contains(lat) && Int(row[14])! >= 2000
        }
        #expect(expected.count > 5 && expected.count < Self.rows.count / 2)
        let written = try Self.properties(folder.appendingPathComponent("places.geojson"))
        #expect(
            Set(written.values.map { $0["source_id"] as? String ?? "" }) == Set(expected.map { "geonames:\($0[0])" }))
    }

    @Test func facilitiesAreImportedWithFeatureClassS() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("S.txt")
        // A synthetic record: the columns of a power station, its point invented for the test.
        let row = [
            "900001", "Test Power Station", "Test Power Station", "", "51.5", "35.5", "S", "PS", "RU", "", "41",
            "", "", "", "0", "", "", "Europe/Moscow", "2024-05-01",
        ].joined(separator: "\t")
        try Data((row + "\n" + Self.rows[0].joined(separator: "\t") + "\n").utf8).write(to: dump)
        let into = folder.appendingPathComponent("g")
        let result = try SalientProcess.run([
            "gazetteer", "import", "geonames", dump.path, "--into", into.path,
            "--feature-class", "S",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try Self.properties(into.appendingPathComponent("places.geojson"))
        #expect(written.keys.sorted() == ["test-power-station"])
        #expect(written["test-power-station"]?["kind"] as? String == "facility")
    }

    @Test func zipAndTextGiveTheSameFileAndASecondRunChangesNoByte() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromText = folder.appendingPathComponent("t")
        let fromZip = folder.appendingPathComponent("z")
        let options = [
            "--admin1-codes", Self.admin1, "--alternate-names", Self.alternateNames, "--languages", "ru,uk,en",
        ]
        let first = try SalientProcess.run(
            ["gazetteer", "import", "geonames", Self.dump, "--into", fromText.path] + options)
        let zipped = try SalientProcess.run(
            ["gazetteer", "import", "geonames", Self.zip, "--into", fromZip.path] + options)
        #expect(first.status == 0 && zipped.status == 0, "\(first.stderr)\(zipped.stderr)")
        let places = fromText.appendingPathComponent("places.geojson")
        let before = try Data(contentsOf: places)
        #expect(before == (try Data(contentsOf: fromZip.appendingPathComponent("places.geojson"))))
        let again = try SalientProcess.run(
            ["gazetteer", "import", "geonames", Self.zip, "--into", fromText.path] + options)
        #expect(again.status == 0)
        #expect(again.stdout == "\(places.path): 0 added, 0 updated, \(Self.rows.count) kept (unchanged)\n")
        #expect(try Data(contentsOf: places) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fromText.path) == ["places.geojson"])

        let sudzha = try #require(try Self.properties(places)["sudzha"])
        #expect(sudzha["name_local"] as? String == "Суджа")  // ru, from the alternate names
        #expect((sudzha["aliases"] as? [String])?.contains("Суджа") == true)
    }

    @Test func importIntoTheBundledGazetteerLeavesHandMadePlacesAndOtherFilesUntouched() throws {
        let folder = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let places = folder.appendingPathComponent("places.geojson")
        // Untouched: every place that is not a settlement from one of the fixture's records.
        let imported = Set(Self.rows.map { "geonames:\($0[0])" })
        func isUntouchable(_ line: Substring) -> Bool {
            guard line.hasPrefix("{\"type\": \"Feature\""),
                let feature = try? JSONSerialization.jsonObject(
                    with: Data((line.hasSuffix(",") ? line.dropLast() : line).utf8)),
                let properties = (feature as? [String: Any])?["properties"] as? [String: Any]
            else { return false }
            let settlement = ["city", "town", "village"].contains(properties["kind"] as? String ?? "")
            return !(settlement && imported.contains(properties["source_id"] as? String ?? ""))
        }
        let before = try String(contentsOf: places, encoding: .utf8).split(separator: "\n")
        let untouchable = before.filter(isUntouchable)
        #expect(untouchable.count >= 7)  // russkoye-porechnoye, kursk-npp, three districts, Voronezh, Nizhny Novgorod
        let result = try SalientProcess.run([
            "gazetteer", "import", "geonames", Self.zip, "--into", folder.path,
            "--admin1-codes", Self.admin1,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let after = try String(contentsOf: places, encoding: .utf8).split(separator: "\n")
        for line in untouchable {
            // The last feature of a file carries no comma, so compare without one.
            let bare = line.hasSuffix(",") ? line.dropLast() : line[...]
            #expect(
                after.contains { $0 == bare || $0 == bare + "," },
                "a place the import must not touch changed: \(bare.prefix(80))")
        }
        for file in ["areas.geojson", "border.geojson"] {
            #expect(
                try Data(contentsOf: folder.appendingPathComponent(file))
                    == (try Data(contentsOf: SalientProcess.repository.appendingPathComponent("gazetteer/\(file)"))))
        }
        let written = try Self.properties(places)
        // Bundled GeoNames places keep their ids and their curated local names; new ones join them.
        #expect(written["sudzha"]?["name_local"] as? String == "Суджа")
        #expect(written["sudzha"]?["source"] as? String == "GeoNames dump (record modified 2000-01-01)")
        #expect(written["kursk-npp"]?["kind"] as? String == "facility")
        #expect(written["belovsky-district"]?["kind"] as? String == "district")
        #expect(written["mykolaivka-700099"]?["source_id"] as? String == "geonames:700099")
        let listed = try SalientProcess.run(["places", "--gazetteer", folder.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasSuffix("\n\(written.count + 6 + 1) places\n"))
    }

    /// Without division codes, the gazetteer's own outlines give the parent.
    @Test func withoutAdminCodesTheOutlineThatHoldsAPlaceIsItsParent() throws {
        let folder = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SalientProcess.run(
            ["gazetteer", "import", "geonames", Self.dump, "--into", folder.path, "--admin1", "UA.07"])
        #expect(result.status == 0, "\(result.stderr)")
        let kharkiv = Self.rows.filter { $0[8] == "UA" && $0[10] == "07" }.map { "geonames:\($0[0])" }
        let written = try Self.properties(folder.appendingPathComponent("places.geojson")).values
            .filter { kharkiv.contains($0["source_id"] as? String ?? "") }
        #expect(written.count == kharkiv.count)
        #expect(Set(written.map { $0["parent"] as? String ?? "" }) == ["kharkiv-oblast"])
    }

    @Test func aChangedRecordUpdatesItsPlaceAndKeepsItsId() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let into = folder.appendingPathComponent("g")
        #expect(
            try SalientProcess.run(["gazetteer", "import", "geonames", Self.dump, "--into", into.path]).status == 0)
        var rows = Self.rows
        let at = try #require(rows.firstIndex { $0[0] == "486816" })
        rows[at][14] = "6000"
        rows[at][18] = "2025-02-03"
        let changed = folder.appendingPathComponent("changed.txt")
        try Data(rows.map { $0.joined(separator: "\t") + "\n" }.joined().utf8).write(to: changed)
        let result = try SalientProcess.run(["gazetteer", "import", "geonames", changed.path, "--into", into.path])
        let places = into.appendingPathComponent("places.geojson")
        #expect(result.stdout == "\(places.path): 0 added, 1 updated, \(rows.count - 1) kept\n")
        #expect(
            try Self.properties(places)["sudzha"]?["source"] as? String == "GeoNames dump (record modified 2025-02-03)")
    }

    @Test func osmGeoJSONImportWritesPlacesAndAreasWithProvenance() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let places = folder.appendingPathComponent("places.geojson")
        let areas = folder.appendingPathComponent("areas.geojson")
        let result = try SalientProcess.run(["gazetteer", "import", "geojson", Self.osm, "--into", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == "\(areas.path): 2 added, 0 updated, 0 kept; \(places.path): 3 added, 0 updated, 0 kept; "
                + "skipped 1 without a name, 1 neither a settlement point nor an admin boundary\n")
        let written = try Self.properties(places)
        #expect(written.keys.sorted() == ["kursk", "sudzha", "sumy"])
        let sudzha = try #require(written["sudzha"])
        #expect(sudzha["name"] as? String == "Sudzha")
        #expect(sudzha["name_local"] as? String == "Суджа")
        #expect(sudzha["aliases"] as? [String] == ["Sudzha", "Суджа"])
        #expect(sudzha["source_id"] as? String == "osm:node/1001")
        #expect(sudzha["source_url"] as? String == "https://www.openstreetmap.org/node/1001")
        #expect(sudzha["licence"] as? String == "ODbL 1.0 (© OpenStreetMap contributors)")
        #expect(sudzha["parent"] as? String == "test-district")  // the district's outline holds its point
        #expect(written["kursk"]?["source_id"] as? String == "osm:node/1002")  // osmium's n1002
        #expect(written["kursk"]?["parent"] as? String == "test-oblast")
        #expect(written["sumy"]?["source_id"] as? String == "osm:node/1003")  // ogr2ogr's osm_id
        #expect(written["sumy"]?["name"] as? String == "Sumy")  // name:en from other_tags
        #expect(written["sumy"]?["parent"] as? String == "")
        let outlines = try Self.properties(areas)
        #expect(outlines["test-district"]?["kind"] as? String == "district")
        #expect(outlines["test-oblast"]?["kind"] as? String == "region")
        #expect(outlines["test-oblast"]?["source_id"] as? String == "osm:relation/2002")
        #expect(try GeoJSONStructure.violations(in: areas).isEmpty)  // rings turned counter-clockwise
        #expect(try GeoJSONStructure.violations(in: places).isEmpty)

        let bytes = try Self.snapshot(folder)
        let again = try SalientProcess.run(["gazetteer", "import", "geojson", Self.osm, "--into", folder.path])
        #expect(again.status == 0)
        #expect(try Self.snapshot(folder) == bytes)
        #expect(try SalientProcess.run(["places", "--gazetteer", folder.path, "Test District"]).status == 0)
    }

    @Test func nameAndKindFieldsNameOtherProperties() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("renamed.json")
        let text = try String(contentsOfFile: Self.osm, encoding: .utf8)
            .replacingOccurrences(of: "\"place\":", with: "\"settlement\":")
        try Data(text.utf8).write(to: input)
        let into = folder.appendingPathComponent("g")
        let plain = try SalientProcess.run(["gazetteer", "import", "geojson", input.path, "--into", into.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        // With no `place` property there is no settlement, only the two boundaries.
        #expect(!FileManager.default.fileExists(atPath: into.appendingPathComponent("places.geojson").path))
        let result = try SalientProcess.run([
            "gazetteer", "import", "geojson", input.path, "--into", into.path,
            "--kind-field", "settlement", "--name-field", "name:en",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try Self.properties(into.appendingPathComponent("places.geojson"))
        #expect(written.keys.sorted() == ["kursk", "sudzha", "sumy"])  // Sumy's name:en is in ogr2ogr's other_tags
        #expect(written["sudzha"]?["name_local"] as? String == "Sudzha")
    }

    /// Parents name the ids the areas are written with, also when an area's slug was taken.
    @Test func osmParentsAreTheIdsTheirAreasGet() throws {
        let folder = try Self.bundledCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.json")
        let text = try String(contentsOfFile: Self.osm, encoding: .utf8).replacingOccurrences(
            of: "Test District", with: "Sudzha")
        try Data(text.utf8).write(to: input)
        let result = try SalientProcess.run(["gazetteer", "import", "geojson", input.path, "--into", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let outlines = try Self.properties(folder.appendingPathComponent("areas.geojson"))
        #expect(outlines["sudzha-relation-2001"]?["kind"] as? String == "district")  // `sudzha` is the town's
        let written = try Self.properties(folder.appendingPathComponent("places.geojson"))
        #expect(written["sudzha-sudzha-relation-2001"]?["parent"] as? String == "sudzha-relation-2001")
        // Sumy lies in no imported outline but in the bundled Sumy oblast one.
        #expect(written["sumy-sumy-oblast"]?["parent"] as? String == "sumy-oblast")
        #expect(written["sumy-sumy-oblast"]?["country"] as? String == "UA")
    }

    @Test func admin2CodesAndTheOlderAlternateNamesFormatAreRead() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Synthetic division codes and names for one real row: Sudzha, in a district called here "Test Raion".
        var row = try #require(Self.rows.first { $0[0] == "486816" })
        row[11] = "999"
        let dump = folder.appendingPathComponent("one.txt")
        let admin2 = folder.appendingPathComponent("admin2Codes.txt")
        let names = folder.appendingPathComponent("alternateNames.txt")
        try Data((row.joined(separator: "\t") + "\n").utf8).write(to: dump)
        try Data("RU.41.999\tTest Raion\tTest Raion\t\n".utf8).write(to: admin2)
        try Data("1\t486816\tru\tСуджа\t1\t\t\t\n2\t486816\tde\tSudscha\t\t\t\t\n".utf8).write(to: names)
        let into = folder.appendingPathComponent("g")
        let result = try SalientProcess.run([
            "gazetteer", "import", "geonames", dump.path, "--into", into.path,
            "--admin2-codes", admin2.path, "--alternate-names", names.path, "--languages", "ru",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let sudzha = try #require(try Self.properties(into.appendingPathComponent("places.geojson"))["sudzha"])
        #expect(sudzha["parent"] as? String == "test-raion")
        #expect(sudzha["name_local"] as? String == "Суджа")
        #expect(sudzha["aliases"] as? [String] == ["Суджа"])  // de was not asked for
    }

    /// A folder that does not load is refused as `salient places` refuses it, and left as it is.
    @Test func importIntoAGazetteerWithDuplicateIdsIsRefusedAsTheReaderRefusesIt() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let into = folder.appendingPathComponent("dup")
        try FileManager.default.copyItem(
            at: SalientProcess.fixtures.appendingPathComponent("bad-gazetteers/duplicate-ids"), to: into)
        let reader = try SalientProcess.run(["places", "--gazetteer", into.path])
        #expect(reader.status == 2)
        #expect(reader.stderr.hasPrefix("error: duplicate id 'bravo' (\(into.path)/places.geojson:11, field id)"))
        try expectRefusal(["geonames", Self.dump], into: into, stderr: reader.stderr)
    }

    @Test func osmFeatureWithoutAnIdIsRefused() throws {
        let folder = try Self.importedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("no-id.json")
        let text = try String(contentsOfFile: Self.osm, encoding: .utf8).replacingOccurrences(
            of: "\"@id\": \"node/1001\", ", with: "")
        try Data(text.utf8).write(to: input)
        try expectRefusal(
            ["geojson", input.path], into: folder,
            stderr: "error: the feature has no OpenStreetMap id (\(input.path):2, "
                + "field features[0].properties.@id) — export with the ids: Overpass's @id, "
                + "osmium export --add-unique-id=type_id, or ogr2ogr's osm_id\n")
    }

    /// What ogr2ogr's OSM driver really writes (osm_id, other_tags, a CRS84 crs member) imports.
    @Test func ogr2ogrOutputFromOSMXMLImports() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let exported = folder.appendingPathComponent("points.geojson").path
        let osmXML = SalientProcess.fixtures.appendingPathComponent("osm/synthetic.osm").path
        let converted = try SalientProcess.tool("ogr2ogr", ["-f", "GeoJSON", exported, osmXML, "points"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let into = folder.appendingPathComponent("g")
        let result = try SalientProcess.run(["gazetteer", "import", "geojson", exported, "--into", into.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == "\(into.path)/places.geojson: 2 added, 0 updated, 0 kept; "
                + "skipped 1 neither a settlement point nor an admin boundary\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: into.path) == ["places.geojson"])
        let written = try Self.properties(into.appendingPathComponent("places.geojson"))
        #expect(written.keys.sorted() == ["maloye", "testovo"])
        #expect(written["testovo"]?["name_local"] as? String == "Тестово")
        #expect(written["testovo"]?["aliases"] as? [String] == ["Testovo", "Тестове"])
        #expect(written["testovo"]?["source_id"] as? String == "osm:node/101")
        #expect(written["maloye"]?["kind"] as? String == "village")

        let projected = folder.appendingPathComponent("mercator.geojson").path
        let text = try String(contentsOfFile: exported, encoding: .utf8)
            .replacingOccurrences(of: "urn:ogc:def:crs:OGC:1.3:CRS84", with: "urn:ogc:def:crs:EPSG::3857")
        try Data(text.utf8).write(to: URL(fileURLWithPath: projected))
        try expectRefusal(
            ["geojson", projected], into: into,
            stderr: "error: coordinates in 'urn:ogc:def:crs:EPSG::3857' are not WGS 84 longitude/latitude "
                + "(\(projected):4, field crs) — reproject the file to EPSG:4326, "
                + "e.g. with ogr2ogr -t_srs EPSG:4326\n")
    }

    @Test func osmPlacesBesideGeoNamesOnesGetTheirOwnIds() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try SalientProcess.run(["gazetteer", "import", "geonames", Self.dump, "--into", folder.path]).status == 0)
        let result = try SalientProcess.run(["gazetteer", "import", "geojson", Self.osm, "--into", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try Self.properties(folder.appendingPathComponent("places.geojson"))
        #expect(written["sudzha"]?["source_id"] as? String == "geonames:486816")
        #expect(written["sudzha-test-district"]?["source_id"] as? String == "osm:node/1001")
        #expect(written["kursk-test-oblast"]?["source_id"] as? String == "osm:node/1002")
        #expect(written["sumy-node-1003"]?["source_id"] as? String == "osm:node/1003")
    }

    // MARK: bad input: one line naming file, line and field; exit 2; the folder unchanged

    /// Runs an import that must be refused into a copy of a gazetteer and checks the message and the folder.
    func expectRefusal(
        _ arguments: [String], into folder: URL, stderr expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try Self.snapshot(folder)
        let result = try SalientProcess.run(["gazetteer", "import"] + arguments + ["--into", folder.path])
        #expect(result.status == 2, sourceLocation: sourceLocation)
        #expect(result.stderr == expected, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(
            try Self.snapshot(folder) == before, "a refused import changed the folder", sourceLocation: sourceLocation)
    }

    /// A gazetteer folder holding what the fixture's Kursk rows give, for refusals to leave alone.
    static func importedFolder() throws -> URL {
        let folder = try SalientProcess.temporaryFolder()
        _ = try SalientProcess.run([
            "gazetteer", "import", "geonames", dump, "--into", folder.path, "--admin1", "RU.41",
        ])
        return folder
    }

    static func badDump(_ name: String, _ edit: (inout [[String]]) -> Void, in folder: URL) throws -> String {
        var rows = Array(Self.rows.prefix(3))
        edit(&rows)
        let url = folder.appendingPathComponent(name)
        try Data(rows.map { $0.joined(separator: "\t") + "\n" }.joined().utf8).write(to: url)
        return url.path
    }

    @Test func dumpLineWithAWrongColumnCountIsRefusedByLine() throws {
        let folder = try Self.importedFolder()
        let inputs = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: inputs)
        }
        let path = try Self.badDump("short.txt", { $0[2].removeLast() }, in: inputs)
        try expectRefusal(
            ["geonames", path], into: folder,
            stderr: "error: expected 19 tab-separated columns, found 18 "
                + "(\(path):3, field columns) — is this a GeoNames file of the kind this option reads?\n")
    }

    @Test func dumpLineThatIsNotUTF8IsRefusedByLineAndColumn() throws {
        let folder = try Self.importedFolder()
        let inputs = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: inputs)
        }
        let path = inputs.appendingPathComponent("latin1.txt").path
        // The second row's name written in Latin-1: "Sudé" with é as the single byte 0xE9.
        var second = Self.rows[1]
        second[1] = "Sud"
        let bytes =
            Data(Self.rows[0].joined(separator: "\t").utf8) + [0x0A] + Data((second[0] + "\tSud").utf8) + [0xE9]
            + Data(("\t" + second[2...].joined(separator: "\t") + "\n").utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        try expectRefusal(
            ["geonames", path], into: folder,
            stderr: "error: the line is not valid UTF-8 (\(path):2, field name) "
                + "— GeoNames files are UTF-8; was this one converted to another encoding?\n")
    }

    @Test func coordinateOutOfRangeIsRefused() throws {
        let folder = try Self.importedFolder()
        let inputs = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: inputs)
        }
        let path = try Self.badDump("swapped.txt", { $0[1][4] = "95.5" }, in: inputs)
        try expectRefusal(
            ["geonames", path], into: folder,
            stderr: "error: latitude 95.5 is out of range [-90, 90] "
                + "(\(path):2, field latitude) — the dump gives latitude before longitude\n")
    }

    @Test func zipWithNoTextFileIsRefused() throws {
        let folder = try Self.importedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = Self.geonames.appendingPathComponent("readme-only.zip").path
        try expectRefusal(
            ["geonames", path], into: folder,
            stderr: "error: the zip holds no .txt file (\(path)) "
                + "— a GeoNames zip such as RU.zip holds RU.txt; is this the right archive?\n")
    }

    @Test func geoJSONWithoutTheNamedFieldIsRefused() throws {
        let folder = try Self.importedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectRefusal(
            ["geojson", Self.osm, "--name-field", "title"], into: folder,
            stderr: "error: no feature has the property 'title' (\(Self.osm):2, field features[0].properties.title) "
                + "— name the property that holds names with --name-field; the first feature has "
                + "@id, name, name:en, name:ru, place\n")
    }

    @Test func oneRecordGivenTwiceWithDifferentFieldsIsRefused() throws {
        let folder = try Self.importedFolder()
        let inputs = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: inputs)
        }
        let first = try Self.badDump("a.txt", { _ in }, in: inputs)
        let second = try Self.badDump("b.txt", { $0[1][14] = "1" }, in: inputs)
        try expectRefusal(
            ["geonames", first, second], into: folder,
            stderr: "error: geonames:\(Self.rows[1][0]) is given twice with different fields (\(second):2, "
                + "field geonameid) — first at \(first):2; import one version of the record\n")
    }

    @Test func importThatWouldGiveAHeldIdToAnotherPlaceIsRefused() throws {
        let folder = try SalientProcess.temporaryFolder()
        let inputs = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: inputs)
        }
        // Hand-made places already hold every id the rules allow a new Sudzha in Kursk oblast.
        let handMade = ["sudzha", "sudzha-kursk-oblast", "sudzha-486816"].map { id in
            "{\"type\": \"Feature\", \"properties\": {\"id\": \"\(id)\", \"name\": \"Hand \(id)\", "
                + "\"name_local\": \"\", \"aliases\": [], \"kind\": \"village\", \"parent\": \"\", "
                + "\"country\": \"RU\", \"source\": \"by hand\", \"source_id\": \"\", \"source_url\": \"\", "
                + "\"licence\": \"CC0\", \"uncertainty_m\": 1000, \"note\": \"\"}, "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [35.0, 51.0]}}"
        }
        let text =
            "{\n\"type\": \"FeatureCollection\",\n\"name\": \"mine\",\n\"features\": [\n"
            + handMade.joined(separator: ",\n") + "\n]\n}\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("mine.geojson"))
        let path = try Self.badDump(
            "sudzha.txt", { rows in rows = [Self.rows.first { $0[0] == "486816" }!] }, in: inputs)
        let mine = folder.appendingPathComponent("mine.geojson").path
        try expectRefusal(
            ["geonames", path, "--admin1-codes", Self.admin1], into: folder,
            stderr: "error: the id 'sudzha-486816' this record would get is already held by another place "
                + "(\(path):1, field geonameid) — held at \(mine):7; rename that place or leave this record out\n")
    }
}
