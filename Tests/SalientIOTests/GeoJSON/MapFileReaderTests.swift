import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// Maps from elsewhere read as published: DeepState's raw snapshots, ISW-style layers, a
/// table of the map's own categories, and the day a file gives for itself. The Kursk
/// timeline estimates Ukraine's ground, in Europe/Moscow days.
@Suite struct MapFileReaderTests {
    /// A box of 0.2° × 0.1° at 51°N, `west` its western edge, as GeoJSON coordinates (z when asked).
    static func box(_ west: Double, z: Bool = false) -> String {
        let corners = [(west, 51.0), (west + 0.2, 51.0), (west + 0.2, 51.1), (west, 51.1), (west, 51.0)]
        let positions = corners.map { z ? "[\($0.0), \($0.1), 0]" : "[\($0.0), \($0.1)]" }
        return "{\"type\": \"Polygon\", \"coordinates\": [[\(positions.joined(separator: ", "))]]}"
    }

    static func area(_ west: Double) throws -> Double {
        let ring = [(west, 51.0), (west + 0.2, 51.0), (west + 0.2, 51.1), (west, 51.1), (west, 51.0)]
        return try Geodesic.wgs84().area(
            of: MultiPolygon([Polygon(exterior: ring.map { LonLat(lon: $0.0, lat: $0.1) })]))
            / 1e6
    }

    static func collection(_ features: [(properties: String, geometry: String)]) -> String {
        "{\"type\": \"FeatureCollection\", \"features\": [\n"
            + features.map { "{\"type\": \"Feature\", \"properties\": \($0.properties), \"geometry\": \($0.geometry)}" }
            .joined(separator: ",\n") + "\n]}\n"
    }

    /// The Kursk timeline with one map entry naming `name`, the map file written beside it.
    static func read(entry: String, name: String, file: String) throws -> (loaded: LoadedTimeline?, error: InputError?)
    {
        let (path, folder) = try MapsReaderTests.timeline(maps: entry)
        defer { try? FileManager.default.removeItem(at: folder) }
        try file.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        do {
            return (try TimelineReader.read(path: path), nil)
        } catch let error as InputError {
            return (nil, error)
        }
    }

    static func entry(_ file: String, _ extra: String = "") -> String {
        "  - id: theirs\n    source: synthetic, made for this test; CC0\n    file: \(file)\n" + extra
    }

    static let deepState = collection([
        ("{\"name\": \"Звільнено /// Liberated /// geoJSON.status.liberated\"}", Self.box(35.0, z: true)),
        (
            "{\"name\": \"Статус невідомий /// Unknown status\u{a0}/// geoJSON.status.unknown\"}",
            Self.box(35.2, z: true)
        ),
        ("{\"name\": \"Окуповано /// Occupied /// geoJSON.status.occupied {{at:01.01}}\"}", Self.box(36.0, z: true)),
        ("{\"name\": \"Звільнено /// Liberated /// geoJSON.status.liberated\"}", Self.box(35.0, z: true)),
        (
            "{\"name\": \"Напрямок /// Direction /// geoJSON.status.attack_direction\"}",
            "{\"type\": \"Point\", \"coordinates\": [35.1, 51.05, 0]}"
        ),
    ])

    /// A raw snapshot named by its UTC Unix time: 2024-08-14 21:00 UTC is 15 August in Moscow.
    @Test func aDeepStateSnapshotIsReadByItsStatuses() throws {
        let read = try Self.read(
            entry: Self.entry("1723669200.geojson"), name: "1723669200.geojson", file: Self.deepState)
        let map = try #require(read.loaded?.maps.first, "\(String(describing: read.error))")
        #expect(map.asOf == CalendarDay("2024-08-15"))
        #expect(
            map.layers.map(\.category) == [
                "geoJSON.status.liberated", "geoJSON.status.unknown", "geoJSON.status.occupied",
            ])
        #expect(map.layers.map(\.definition) == [.controlled, .greyZone, .otherSide])
        // The two liberated features are one box; z coordinates are dropped.
        for (layer, west) in zip(map.layers, [35.0, 35.2, 36.0]) {
            #expect(abs(layer.areaSquareKilometers - (try Self.area(west))) < 1e-6)
        }
        #expect(
            map.layers(measuring: .advancedOver)?.map(\.category) == [
                "geoJSON.status.liberated", "geoJSON.status.unknown",
            ])
    }

    /// ISW-style layer names, read by their words, and the day the features state.
    @Test func iswStyleLayersAreReadByTheirWords() throws {
        let file = Self.collection([
            ("{\"layer\": \"Assessed Ukrainian Advances\", \"date\": \"2024-08-14\"}", Self.box(35.0)),
            ("{\"layer\": \"Claimed Ukrainian Control\", \"date\": \"2024-08-14\"}", Self.box(35.2)),
            (
                "{\"layer\": \"Russian-controlled Ukrainian Territory\", \"date\": \"2024-08-14T18:00:00Z\"}",
                Self.box(36.0)
            ),
        ])
        let read = try Self.read(entry: Self.entry("isw.geojson"), name: "isw.geojson", file: file)
        let map = try #require(read.loaded?.maps.first, "\(String(describing: read.error))")
        #expect(map.asOf == CalendarDay("2024-08-14"))
        #expect(map.layers.map(\.definition) == [.advancedOver, .claimed, .otherSide])
        #expect(map.layers(measuring: .advancedOver)?.count == 1)
        #expect(map.layers(measuring: .controlled) == nil)
    }

    @Test(arguments: [
        ("Grey zone", MapLayerDefinition.greyZone), ("Ukrainian control", .controlled),
        ("Ukraine-held and contested", .controlledPlusGrey), ("Russian advances", .otherSide),
        ("occupied", .otherSide), ("liberated", .controlled), ("Claimed Russian control", .claimed),
        ("ground held", .controlled),
    ])
    func categoryWordsGiveDefinitions(_ category: String, _ expected: MapLayerDefinition) {
        #expect(MapCategoryWords.definition(of: category, actor: "Ukraine") == expected)
    }

    @Test func categoryWordsAreRelativeToTheActor() {
        #expect(MapCategoryWords.definition(of: "occupied", actor: "Russia") == .controlled)
        #expect(MapCategoryWords.definition(of: "sector 7", actor: "Ukraine") == nil)
    }

    /// The timeline's own table names categories by a property it chooses; the date comes from the file's name.
    @Test func aTableNamesTheMapsOwnCategories() throws {
        let file = Self.collection([("{\"zone\": \"A\"}", Self.box(35.0)), ("{\"zone\": \"B\"}", Self.box(35.2))])
        let entry = Self.entry(
            "deepstatemap_data_20240816.geojson",
            "    category_field: zone\n    layers: {A: controlled, B: grey_zone}\n")
        let read = try Self.read(entry: entry, name: "deepstatemap_data_20240816.geojson", file: file)
        let map = try #require(read.loaded?.maps.first, "\(String(describing: read.error))")
        #expect(map.asOf == CalendarDay("2024-08-16"))
        #expect(map.layers.map(\.definition) == [.controlled, .greyZone])
        #expect(map.depicts == "controlled + grey_zone")
    }

    @Test func aLayerWithNoRecognisableDefinitionIsRefused() throws {
        let file = Self.collection([
            ("{\"layer\": \"sector 7\"}", Self.box(35.0)), ("{\"layer\": \"grey zone\"}", Self.box(35.2)),
        ])
        let read = try Self.read(
            entry: Self.entry("m.geojson", "    as_of: 2024-08-14\n"), name: "m.geojson", file: file)
        let error = try #require(read.error)
        #expect(
            error.message
                == "the map layer 'sector 7' has no recognisable definition; the map's categories are sector 7, grey zone"
        )
        #expect(error.field == "maps[0].layers" && error.line != nil)
        #expect(
            error.hint
                == "name it on the map, as in layers: {\"sector 7\": controlled}, with one of controlled, grey_zone, "
                + "controlled_plus_grey, advanced_over, claimed, other_side")
    }

    @Test(arguments: [
        (
            "    as_of: 2024-08-14\n    layers: {sector 8: controlled}\n", "{\"layer\": \"sector 7\"}",
            "'sector 8' is not a category of the map; its categories are sector 7", "maps[0].layers"
        ),
        (
            "    as_of: 2024-08-14\n    layers: {sector 7: held}\n", "{\"layer\": \"sector 7\"}",
            "'held' is not one of controlled, grey_zone, controlled_plus_grey, advanced_over, claimed, other_side",
            "maps[0].layers.sector 7"
        ),
        ("", "{\"layer\": \"grey zone\"}", "the map gives no date", "maps[0].as_of"),
    ])
    func badMapEntriesAreRefused(_ extra: String, _ properties: String, _ message: String, _ field: String) throws {
        let file = Self.collection([(properties, Self.box(35.0))])
        let read = try Self.read(entry: Self.entry("m.geojson", extra), name: "m.geojson", file: file)
        let error = try #require(read.error)
        #expect(error.message == message)
        #expect(error.field == field)
    }

    @Test func featuresOfDifferentDaysAreRefused() throws {
        let file = Self.collection([
            ("{\"layer\": \"grey zone\", \"date\": \"2024-08-14\"}", Self.box(35.0)),
            ("{\"layer\": \"grey zone\", \"date\": \"2024-08-15\"}", Self.box(35.2)),
        ])
        let read = try Self.read(entry: Self.entry("m.geojson"), name: "m.geojson", file: file)
        let error = try #require(read.error)
        #expect(error.message == "the map's features are of different days, 2024-08-14 and 2024-08-15")
        #expect(error.field == "features[1].properties" && error.line == 3)
    }
}
