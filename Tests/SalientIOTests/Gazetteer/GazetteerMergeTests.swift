import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// The merge rules, the places-file layout and the readers' small parts, without the binary.
@Suite struct GazetteerMergeTests {
    static func place(
        _ id: String, name: String, sourceID: String = "", kind: PlaceKind = .village,
        parent: String = "", lon: Double = 35, lat: Double = 51
    ) -> Place {
        Place(
            id: id, name: name, localName: name, aliases: [], kind: kind, parent: parent, country: "RU",
            geometry: .point(LonLat(lon: lon, lat: lat)),
            provenance: Provenance(
                source: sourceID.isEmpty ? "hand" : "GeoNames dump (record modified 2024-01-01)",
                sourceID: sourceID, sourceURL: "", licence: "CC BY 4.0", uncertaintyMeters: 1000, note: ""))
    }

    static func record(_ name: String, geonameID: Int, parent: String = "", lon: Double = 35) -> ImportedPlace {
        ImportedPlace(
            place: place("", name: name, sourceID: "geonames:\(geonameID)", parent: parent, lon: lon),
            slug: GazetteerMerge.slug(name), sourceKey: String(geonameID))
    }

    /// Every bundled file, read and written again, is the same bytes: the writer keeps the
    /// layout the reader and QGIS users know, so an import leaves untouched places as they were.
    @Test(arguments: ["places.geojson", "areas.geojson", "border.geojson"])
    func bundledFileIsWrittenBackByteForByte(_ file: String) throws {
        let path = Paths.gazetteer + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let places = try GazetteerReader.parse(text: text, file: path).map(\.0)
        let name = (file as NSString).deletingPathExtension
        #expect(GazetteerFileWriter.render(places, name: name) == text)
    }

    @Test(arguments: [
        ("L’gov", "lgov"), ("Sudža", "sudza"), ("Русское Поречное", "russkoye-porechnoye"),
        ("Nikolayevo-Daryino", "nikolayevo-daryino"), ("Малая Локня", "malaya-loknya"),
        ("Олешня", "oleshnya"), ("Київ", "kiyiv"), ("Ёлкино", "yolkino"),
        ("Mykolaivka (GeoNames 700099)", "mykolaivka-geonames-700099"),
        ("Straße", "strasse"),
    ])
    func slugIsLowercaseASCIIWords(_ name: String, _ slug: String) {
        #expect(GazetteerMerge.slug(name) == slug)
    }

    @Test(arguments: [
        ("P", "PPLC", 12_000_000, PlaceKind.city), ("P", "PPLA", 440_000, .city), ("P", "PPLA", 99_999, .town),
        ("P", "PPLA2", 3_000, .town), ("P", "PPL", 5_000, .town), ("P", "PPL", 4_999, .village),
        ("P", "PPL", 0, .village),
        ("P", "PPL", 150_000, .city), ("P", "PPLA3", 800, .village), ("S", "PS", 0, .facility),
        ("S", "ADMF", 0, .facility),
    ])
    func featureCodesMapToKinds(_ featureClass: String, _ code: String, _ population: Int, _ kind: PlaceKind) {
        #expect(GeoNamesKinds.kind(featureClass: featureClass, featureCode: code, population: population) == kind)
    }

    @Test func namesakesAreToldApartByParentThenBySourceID() throws {
        let existing = [Self.place("ivanovka", name: "Ivanovka")]  // hand-made: holds the bare slug
        let incoming = [
            Self.record("Ivanovka", geonameID: 3, parent: "kursk-oblast"),
            Self.record("Ivanovka", geonameID: 1, parent: "belgorod-oblast"),
            Self.record("Ivanovka", geonameID: 2, parent: "kursk-oblast"),
            Self.record("Oleshnya", geonameID: 4, parent: "kursk-oblast"),
        ]
        let result = try GazetteerMerge.merge(
            existing: existing, idsElsewhere: [], sourceIDsElsewhere: [], incoming: incoming)
        #expect(
            result.places.map(\.id) == ["ivanovka", "ivanovka-2", "ivanovka-3", "ivanovka-belgorod-oblast", "oleshnya"])
        #expect(result.places.first { $0.id == "ivanovka" } == existing[0])
        #expect((result.added, result.updated, result.kept) == (4, 0, 1))
        // The order of the rows does not change any id.
        let reversed = try GazetteerMerge.merge(
            existing: existing, idsElsewhere: [], sourceIDsElsewhere: [],
            incoming: incoming.reversed())
        #expect(reversed.places == result.places)
    }

    @Test func matchedPlaceKeepsItsIdAndCountsAsUpdatedOnlyWhenAFieldChanged() throws {
        let existing = [Self.place("sudzha-town", name: "Sudzha", sourceID: "geonames:486816", parent: "kursk-oblast")]
        let same = Self.record("Sudzha", geonameID: 486816)
        let unchanged = try GazetteerMerge.merge(
            existing: existing, idsElsewhere: [], sourceIDsElsewhere: [], incoming: [same])
        #expect(unchanged.places == existing)  // parent kept: the record named none
        #expect((unchanged.added, unchanged.updated, unchanged.kept) == (0, 0, 1))
        let moved = Self.record("Sudzha", geonameID: 486816, lon: 35.3)
        let updated = try GazetteerMerge.merge(
            existing: existing, idsElsewhere: [], sourceIDsElsewhere: [], incoming: [moved])
        #expect(updated.places.map(\.id) == ["sudzha-town"])
        #expect(updated.places[0].point == LonLat(lon: 35.3, lat: 51))
        #expect((updated.added, updated.updated, updated.kept) == (0, 1, 0))
    }

    @Test func aFacilityBorrowingATownsRecordIsNotMatchedToIt() throws {
        let npp = Self.place("kursk-npp", name: "Kursk NPP", sourceID: "geonames:538908", kind: .facility)
        let result = try GazetteerMerge.merge(
            existing: [npp], idsElsewhere: [], sourceIDsElsewhere: [],
            incoming: [Self.record("Kurchatov", geonameID: 538908)])
        #expect(result.places.map(\.id) == ["kurchatov", "kursk-npp"])
        #expect(result.places[1] == npp)
    }

    @Test func conflictsAreRefused() {
        let a = Self.record("Sudzha", geonameID: 1)
        let b = Self.record("Sudzha", geonameID: 1, lon: 36)
        #expect(throws: GazetteerMergeConflict.sourceGivenTwice(sourceID: "geonames:1", first: 0, second: 1)) {
            try GazetteerMerge.merge(existing: [], idsElsewhere: [], sourceIDsElsewhere: [], incoming: [a, b])
        }
        let held = ["sudzha", "sudzha-kursk-oblast", "sudzha-1"].map { Self.place($0, name: "Sudzha") }
        #expect(throws: GazetteerMergeConflict.idTaken(id: "sudzha-1", incoming: 0)) {
            try GazetteerMerge.merge(
                existing: held, idsElsewhere: [], sourceIDsElsewhere: [],
                incoming: [Self.record("Sudzha", geonameID: 1, parent: "kursk-oblast")])
        }
        let twice = [
            Self.place("a", name: "A", sourceID: "geonames:1"), Self.place("b", name: "B", sourceID: "geonames:1"),
        ]
        #expect(throws: GazetteerMergeConflict.sourceHeldTwice(sourceID: "geonames:1", first: 0, second: 1)) {
            try GazetteerMerge.merge(existing: twice, idsElsewhere: [], sourceIDsElsewhere: [], incoming: [a])
        }
    }

    @Test func ogr2ogrOtherTagsAndOSMIdsAreRead() {
        let pairs = OSMGeoJSONImport.hstorePairs(#""name:ru"=>"Суджа","note"=>"a \"quoted\" word""#)
        #expect(pairs.map(\.0) == ["name:ru", "note"])
        #expect(pairs.map(\.1) == ["Суджа", #"a "quoted" word"#])
        #expect(OSMGeoJSONImport.parseTypedID("node/123") == "node/123")
        #expect(OSMGeoJSONImport.parseTypedID("r45") == "relation/45")
        #expect(OSMGeoJSONImport.parseTypedID("w7") == "way/7")
        #expect(OSMGeoJSONImport.parseTypedID("123") == nil)
        #expect(OSMGeoJSONImport.country(["ISO3166-2": "UA-59"]) == "UA")
    }

    @Test func dumpAliasesKeepLatinAndCyrillicSpellingsOnly() {
        #expect(GeoNamesImport.isUsableAlias("Sudzha"))
        #expect(GeoNamesImport.isUsableAlias("Суджа"))
        #expect(!GeoNamesImport.isUsableAlias("URS"))  // a code
        #expect(!GeoNamesImport.isUsableAlias("苏贾"))
        #expect(!GeoNamesImport.isUsableAlias("Tеrny"))  // a Cyrillic е among Latin letters
    }
}
