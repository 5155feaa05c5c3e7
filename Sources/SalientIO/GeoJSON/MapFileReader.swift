import Foundation
import SalientCore

/// Reads a control map from elsewhere as it is published, into one layer per category of its own:
///   DeepStateMap's raw snapshots: each feature's `name` is "Ukrainian /// English /// key", the
///     key a status such as `geoJSON.status.unknown` (z coordinates are read and dropped);
///   ISW-style layers: a `layer`, `category`, `status` or `type` property naming the layer
///     ("Assessed Russian Advances", "Claimed Ukrainian Control");
///   any polygon file, as one layer whose definition the timeline states (`depicts:`).
/// Each category gets a definition relative to the actor the timeline estimates, from the
/// timeline's own `layers:` table first, then DeepState's keys, then the words of the category.
enum MapFileReader {
    struct Options {
        /// Every areal feature is of this definition: a file of one kind of polygon.
        var depicts: MapLayerDefinition?
        /// The property naming each feature's category; nil: found as the type comment says.
        var categoryField: String?
        /// Category → definition, as the timeline names them.
        var definitions: [String: MapLayerDefinition]
        var actor: String
        var repair: Bool
        /// Where the timeline names the layers, for messages: "maps[0].layers" and its line.
        var field: String
        var timelineFile: String
        var line: Int?
    }

    struct Read {
        var layers: [MapLayer]
        var repairs: [String]
        /// The day the file itself gives (see `MapDate`), nil when it gives none.
        var date: CalendarDay?
    }

    static let categoryFields = ["layer", "category", "status", "type"]
    static let wholeFile = "all features"

    static func read(path: String, options: Options, timeZone: String, geodesic: Geodesic) throws -> Read {
        let features = try PolygonFileReader.read(
            path: path, repair: options.repair,
            repairHint: "set repair: true on the map to repair it with GEOSMakeValid")
        let areal = features.filter { $0.geometry.map { !$0.isEmpty } ?? false }
        guard !areal.isEmpty else {
            throw InputError(
                "the map file holds no Polygon or MultiPolygon features", file: path,
                hint: "a map names a file of the polygons it draws")
        }
        var order: [String] = []
        var polygons: [String: [MultiPolygon<LonLat>]] = [:]
        for feature in areal {
            let category = options.depicts == nil ? Self.category(of: feature, field: options.categoryField) : wholeFile
            if polygons[category] == nil { order.append(category) }
            polygons[category, default: []].append(feature.geometry!)
        }
        for named in options.definitions.keys.sorted() where polygons[named] == nil {
            throw InputError(
                "'\(named)' is not a category of the map; its categories are \(order.joined(separator: ", "))",
                file: options.timelineFile, line: options.line, field: options.field,
                hint: didYouMean(closest(named, among: order)))
        }
        let layers = try order.map { category in
            guard let definition = options.depicts ?? definition(of: category, options) else {
                let allowed = MapLayerDefinition.allCases.map(\.rawValue).joined(separator: ", ")
                throw InputError(
                    "the map layer '\(category)' has no recognisable definition; the map's categories are "
                        + order.joined(separator: ", "),
                    file: options.timelineFile, line: options.line, field: options.field,
                    hint: "name it on the map, as in layers: {\"\(category)\": controlled}, with one of \(allowed)")
            }
            // Overlapping features (a layer per unit, say) must count once: union them in the
            // lon/lat plane, where the union is exact, and measure the result geodesically.
            let union = try MultiPolygon.union(polygons[category]!)
            return MapLayer(
                category: category, definition: definition, geometry: union,
                areaSquareKilometers: geodesic.area(of: union) / 1e6)
        }
        return Read(
            layers: layers, repairs: features.compactMap(\.repair),
            date: try MapDate.of(path: path, features: areal, timeZone: timeZone))
    }

    /// DeepState's key when the name has its three parts, else the named or first category property.
    static func category(of feature: PolygonFeature, field: String?) -> String {
        func text(_ key: String) -> String? {
            switch feature.property(key) {
            case .text(let t)?: return t
            case .number(let n)?: return JSONValue.format(n, decimals: 6)
            case .other(let t)?: return t
            case nil: return nil
            }
        }
        if let field { return text(field) ?? "(no \(field))" }
        if let name = text("name"), name.contains("///") {
            var key = name.components(separatedBy: "///").last ?? name
            if let braces = key.range(of: "{{") { key = String(key[..<braces.lowerBound]) }
            return key.replacingOccurrences(of: "\u{a0}", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return categoryFields.lazy.compactMap(text).first ?? text("name") ?? "(no category)"
    }

    /// DeepState's status keys, by the side that holds the ground: its maps are drawn from
    /// Ukraine's side, so "liberated" (older snapshots: "dismissed") is Ukraine's, "occupied",
    /// Crimea and ORDLO Russia's, "unknown" the grey zone.
    static let deepStateKeys: [String: String?] = [
        "geoJSON.status.liberated": "ukrain", "geoJSON.status.dismissed": "ukrain",
        "geoJSON.status.occupied": "russia", "geoJSON.territories.crimea": "russia",
        "geoJSON.territories.ordlo": "russia", "geoJSON.status.unknown": nil,
    ]

    static func definition(of category: String, _ options: Options) -> MapLayerDefinition? {
        if let named = options.definitions[category] { return named }
        let actor = options.actor.lowercased()
        func side(_ stem: String) -> MapLayerDefinition? {
            actor.contains(stem) ? .controlled : .otherSide
        }
        if let entry = deepStateKeys[category] {
            guard let stem = entry else { return .greyZone }
            // Only a map of one of the two sides can be read from DeepState's point of view.
            guard actor.contains("ukrain") || actor.contains("russia") else { return nil }
            return side(stem)
        }
        return MapCategoryWords.definition(of: category, actor: options.actor)
    }
}
