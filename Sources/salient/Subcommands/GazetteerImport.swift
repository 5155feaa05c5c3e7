import ArgumentParser
import Foundation
import SalientCore
import SalientIO

extension SalientCommand {
    /// `salient gazetteer …`: commands that change a gazetteer folder.
    struct GazetteerGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gazetteer",
            abstract: "Build and update a gazetteer folder.",
            subcommands: [GazetteerImportGroup.self])
    }

    struct GazetteerImportGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge places from GeoNames or OpenStreetMap into a gazetteer folder.",
            discussion: """
                New places get stable ids; places imported before are matched by source_id and \
                updated only when their source changed; hand-made places are never touched. \
                Running the same import twice changes no byte.
                """,
            subcommands: [GazetteerImportGeoNames.self, GazetteerImportGeoJSON.self])
    }

    struct GazetteerImportGeoNames: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "geonames",
            abstract: "Import populated places (and facilities) from a GeoNames dump.",
            discussion: """
                Reads the dump format of download.geonames.org/export/dump (RU.txt, allCountries.txt, \
                cities500.txt, or their .zip) into the folder's places.geojson, with provenance \
                geonames:ID under CC BY 4.0.

                Examples:
                  salient gazetteer import geonames RU.zip UA.zip --into my-gazetteer --admin1 RU.41,UA.21
                  salient gazetteer import geonames RU.txt --alternate-names alternateNamesV2.zip \\
                      --languages ru,uk,en --admin1-codes admin1CodesASCII.txt --into my-gazetteer
                """)

        @Argument(help: "GeoNames dump files (.txt or .zip).")
        var files: [String]

        @Option(help: "The gazetteer folder to merge into (created when missing).")
        var into: String

        @Option(help: "alternateNamesV2.txt or alternateNames.txt (or its .zip): aliases in --languages.")
        var alternateNames: [String] = []

        @Option(help: "Languages whose alternate names become aliases, comma-separated (ru,uk,en).")
        var languages: String = ""

        @Option(help: "admin1CodesASCII.txt: names the region each place lies in.")
        var admin1Codes: String?

        @Option(help: "admin2Codes.txt: names the district each place lies in.")
        var admin2Codes: String?

        @Option(help: "Only these countries, comma-separated ISO codes (RU,UA).")
        var country: String = ""

        @Option(help: "Only these first-level divisions, comma-separated (41 or RU.41).")
        var admin1: String = ""

        @Option(help: "Feature classes: P (populated places, the default) and/or S (facilities), comma-separated.")
        var featureClass: String = "P"

        @Option(help: "Only places inside west,south,east,north (degrees).")
        var bbox: String?

        @Option(help: "Only places with at least this population.")
        var minPopulation: Int = 0

        func run() throws {
            var inputs = GeoNamesImport.Inputs(dumps: files)
            inputs.alternateNames = alternateNames
            inputs.languages = commaList(languages)
            inputs.admin1Codes = admin1Codes
            inputs.admin2Codes = admin2Codes
            inputs.filter.countries = Set(commaList(country).map { $0.uppercased() })
            inputs.filter.admin1 = Set(commaList(admin1))
            inputs.filter.featureClasses = Set(commaList(featureClass).map { $0.uppercased() })
            inputs.filter.minPopulation = minPopulation
            if let bbox { inputs.filter.bbox = try parseBoundingBox(bbox) }
            print(try GeoNamesImport.run(inputs, into: into).line)
        }

        func validate() throws {
            let classes = Set(commaList(featureClass).map { $0.uppercased() })
            guard !classes.isEmpty, classes.isSubset(of: ["P", "S"]) else {
                throw ValidationError("--feature-class takes P and/or S, found '\(featureClass)'")
            }
            guard minPopulation >= 0 else { throw ValidationError("--min-population must not be negative") }
            if let bbox { _ = try parseBoundingBox(bbox) }
        }
    }

    struct GazetteerImportGeoJSON: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "geojson",
            abstract: "Import places and admin boundaries from OpenStreetMap-derived GeoJSON.",
            discussion: """
                Reads what ogr2ogr or osmium export write from a .osm.pbf, or an Overpass GeoJSON: \
                points tagged place=city/town/village/hamlet go to places.geojson, polygons tagged \
                boundary=administrative with an admin_level go to areas.geojson, with provenance \
                osm:node/ID or osm:relation/ID under ODbL.

                Example:
                  salient gazetteer import geojson kursk-places.geojson --into my-gazetteer
                """)

        @Argument(help: "The GeoJSON FeatureCollection.")
        var file: String

        @Option(help: "The gazetteer folder to merge into (created when missing).")
        var into: String

        @Option(help: "The property that holds the name.")
        var nameField: String = "name"

        @Option(help: "The property that holds the OSM place value (city, town, village, hamlet).")
        var kindField: String = "place"

        func run() throws {
            print(try OSMGeoJSONImport.run(file: file, nameField: nameField, kindField: kindField, into: into).line)
        }
    }
}

private func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

private func parseBoundingBox(_ text: String) throws -> (west: Double, south: Double, east: Double, north: Double) {
    let numbers = commaList(text).compactMap(Double.init)
    guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
        throw ValidationError("--bbox takes west,south,east,north in degrees, found '\(text)'")
    }
    let (west, south, east, north) = (numbers[0], numbers[1], numbers[2], numbers[3])
    guard (-180...180).contains(west), (-180...180).contains(east), (-90...90).contains(south),
        (-90...90).contains(north),
        south <= north
    else {
        throw ValidationError(
            "--bbox \(text): longitudes lie in [-180, 180], latitudes in [-90, 90], south before north")
    }
    return (west, south, east, north)
}
