import Foundation
import SalientCore

/// `salient gazetteer import geojson`: OpenStreetMap places and admin boundaries from the
/// GeoJSON that `ogr2ogr` (tags beyond its columns in `other_tags`), `osmium export` or
/// Overpass (`@id`) write.
public enum OSMGeoJSONImport {
    public static let licence = "ODbL 1.0 (© OpenStreetMap contributors)"

    /// OSM `place=*` values that are settlements; a hamlet is a village to Salient.
    public static let placeKinds: [String: PlaceKind] = [
        "city": .city, "town": .town, "village": .village, "hamlet": .village,
    ]

    /// `admin_level` 2–4 is a country's first-level division or above (an oblast); deeper levels
    /// (a raion is 6) are districts.
    public static func areaKind(adminLevel: Int) -> PlaceKind { adminLevel <= 4 ? .region : .district }

    public static func run(
        file: String, nameField: String, kindField: String, into folder: String
    ) throws -> GazetteerImportSummary {
        let (reader, root) = try FeatureCollectionRoot.read(file)
        let features = try root.sequence("features")
        guard features.count <= Limits.placesPerFile else {
            throw InputError(
                "\(features.count) features is more than Salient accepts in one file (\(Limits.placesPerFile))",
                file: file, line: root.line(of: "features"), field: "features", hint: "split the extract")
        }
        var places: [ImportRecord] = []
        var areas: [ImportRecord] = []
        var unnamed = 0
        var notPlaces = 0
        var firstProperties: (line: Int?, keys: [String])?
        for (index, node) in features.enumerated() {
            let feature = try reader.mapping(node, field: "features[\(index)]")
            let properties = try feature.node("properties").map {
                try reader.mapping($0, field: feature.name("properties"))
            }
            let tags = try self.tags(properties, reader: reader)
            if firstProperties == nil { firstProperties = (properties?.line ?? node.line, tags.keys.sorted()) }
            guard let name = tags[nameField], !name.isEmpty else {
                unnamed += 1
                continue
            }
            let geometryFields = try feature.mapping("geometry")
            let geometryType = try geometryFields.string("type")
            let isArea = geometryType == "Polygon" || geometryType == "MultiPolygon"
            let kind: PlaceKind
            if tags["boundary"] == "administrative", isArea, let level = tags["admin_level"].flatMap({ Int($0) }) {
                kind = areaKind(adminLevel: level)
            } else if geometryType == "Point", let value = tags[kindField], let settlement = placeKinds[value] {
                kind = settlement
            } else {
                notPlaces += 1
                continue
            }
            let osm = try osmID(feature: feature, tags: tags, isArea: isArea, reader: reader)
            var geometry = try GeoJSONGeometryReader(reader: reader).geometry(geometryFields)
            // OSM stores 7 decimals; the gazetteer keeps 6 (0.1 m), as its files promise.
            switch geometry {
            case .point(let p): geometry = .point(rounded(p))
            case .multiPolygon(let multi):
                geometry = .multiPolygon(try multi.mapRings { $0.map(rounded) }.rightHanded())
            case .multiLineString: break
            }
            let english = tags["name:en"].flatMap { $0.isEmpty ? nil : $0 }
            let aliases = Set(["name:en", "name:ru", "name:uk"].compactMap { tags[$0] }.filter { !$0.isEmpty })
            let place = Place(
                id: "", name: english ?? name, localName: name,
                aliases: aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, kind: kind, parent: "",
                country: country(tags), geometry: geometry,
                provenance: Provenance(
                    source: "OpenStreetMap", sourceID: "osm:\(osm)",
                    sourceURL: "https://www.openstreetmap.org/\(osm)", licence: licence,
                    uncertaintyMeters: isArea ? 0 : GeoNamesKinds.uncertaintyMeters(kind), note: ""))
            let slug = GazetteerMerge.slug(place.name)
            let record = ImportRecord(
                proposal: ImportedPlace(
                    place: place, slug: slug.isEmpty ? "osm" : slug,
                    sourceKey: osm.replacingOccurrences(of: "/", with: "-")),
                file: file, line: node.line, field: feature.name("properties.\(nameField)"))
            if isArea { areas.append(record) } else { places.append(record) }
        }
        if !features.isEmpty, unnamed == features.count {
            let keys = firstProperties?.keys ?? []
            throw InputError(
                "no feature has the property '\(nameField)'", file: file, line: firstProperties?.line,
                field: "features[0].properties.\(nameField)",
                hint: "name the property that holds names with --name-field; the first feature has "
                    + (keys.isEmpty ? "no properties" : keys.prefix(8).joined(separator: ", ")))
        }
        // Areas are merged first, so the ids they get here are the ids they are written with.
        let existing = try GazetteerImport.existingFiles(in: folder)
        let areaIDs = try GazetteerImport.ids(of: areas, mergedInto: "areas.geojson", of: existing, folder: folder)
        let outlines =
            areas.map { (areaIDs[$0.proposal.place.provenance.sourceID] ?? $0.proposal.slug, $0.proposal.place) }
            + existing.flatMap(\.places).map { ($0.0.id, $0.0) }
        try assignParents(&places, areas: outlines)
        var skipped: [String] = []
        if unnamed > 0 { skipped.append("\(unnamed) without a \(nameField)") }
        if notPlaces > 0 { skipped.append("\(notPlaces) neither a settlement point nor an admin boundary") }
        return try GazetteerImport.merge(
            into: folder, targets: [("areas.geojson", areas), ("places.geojson", places)],
            skipped: skipped)
    }

    /// The feature's tags as strings: its scalar properties, and the `"k"=>"v"` pairs of the
    /// `other_tags` column where ogr2ogr puts tags it has no column for.
    static func tags(_ properties: Fields?, reader: NodeReader) throws -> [String: String] {
        guard let properties else { return [:] }
        var tags: [String: String] = [:]
        for entry in properties.entries {
            guard let key = entry.scalarKey, let value = entry.value.scalar, !value.isNull else {
                continue
            }
            tags[key] = value.string
        }
        if let other = tags.removeValue(forKey: "other_tags") {
            for (key, value) in hstorePairs(other) where tags[key] == nil { tags[key] = value }
        }
        return tags
    }

    /// PostgreSQL hstore text as ogr2ogr's OSM driver writes it: `"name:ru"=>"Суджа","population"=>"5000"`.
    static func hstorePairs(_ text: String) -> [(String, String)] {
        var strings: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where inString: escaped = true
            case "\"":
                if inString {
                    strings.append(current)
                    current = ""
                }
                inString.toggle()
            default:
                if inString { current.append(character) }
            }
        }
        return stride(from: 0, to: strings.count - 1, by: 2).map { (strings[$0], strings[$0 + 1]) }
    }

    /// `node/123`, `way/45` or `relation/67`, from Overpass's `@id`, osmium's `id` (`n123`) or
    /// ogr2ogr's `osm_id` (a node on the points layer, a relation on the multipolygons layer,
    /// which names closed ways `osm_way_id`).
    static func osmID(feature: Fields, tags: [String: String], isArea: Bool, reader: NodeReader) throws -> String {
        let featureID = feature.node("id").flatMap { $0.scalar?.string }
        for candidate in [tags["@id"], featureID, tags["id"]].compactMap({ $0 }) {
            if let id = parseTypedID(candidate) { return id }
        }
        if let type = tags["osm_type"], let id = tags["osm_id"], let typed = parseTypedID("\(type)/\(id)") {
            return typed
        }
        if let way = tags["osm_way_id"], let id = UInt64(way) { return "way/\(id)" }
        if let plain = tags["osm_id"], let id = UInt64(plain) { return isArea ? "relation/\(id)" : "node/\(id)" }
        throw InputError(
            "the feature has no OpenStreetMap id", file: reader.file, line: feature.line,
            field: feature.name("properties.@id"),
            hint: "export with the ids: Overpass's @id, osmium export --add-unique-id=type_id, or ogr2ogr's osm_id")
    }

    static func parseTypedID(_ text: String) -> String? {
        let types = ["node": "node", "way": "way", "relation": "relation", "n": "node", "w": "way", "r": "relation"]
        var type = ""
        var digits = Substring(text)
        if let slash = text.firstIndex(of: "/") {
            type = String(text[..<slash]).lowercased()
            digits = text[text.index(after: slash)...]
        } else if let first = text.first, first.isLetter {
            type = String(first).lowercased()
            digits = text.dropFirst()
        }
        guard let name = types[type], let id = UInt64(digits) else { return nil }
        return "\(name)/\(id)"
    }

    static func rounded(_ p: LonLat) -> LonLat {
        LonLat(lon: (p.lon * 1e6).rounded() / 1e6, lat: (p.lat * 1e6).rounded() / 1e6)
    }

    /// ISO 3166-1 alpha-2 from the tags an admin boundary carries (`ISO3166-2=RU-KRS`).
    static func country(_ tags: [String: String]) -> String {
        if let code = tags["ISO3166-1:alpha2"] ?? tags["ISO3166-1"], code.count == 2 { return code.uppercased() }
        if let code = tags["ISO3166-2"], let dash = code.firstIndex(of: "-"),
            code.distance(from: code.startIndex, to: dash) == 2
        {
            return String(code[..<dash]).uppercased()
        }
        return tags["addr:country"].map { $0.count == 2 ? $0.uppercased() : "" } ?? ""
    }

    /// A settlement's parent and, when the file gives none, its country: the district, else the
    /// region, among the imported and the gazetteer's areas, whose outline holds its point.
    /// - Parameter keepingGiven: leaves alone the places that already have a parent.
    static func assignParents(
        _ places: inout [ImportRecord], areas: [(id: String, area: Place)],
        keepingGiven: Bool = false
    ) throws {
        let districtsFirst: [PlaceKind] = [.district, .region]
        let candidates = districtsFirst.flatMap { kind in areas.filter { $0.area.kind == kind } }
        var outlines: [(id: String, country: String, outline: MultiPolygon<LonLat>)] = []
        for (id, area) in candidates {
            guard case .multiPolygon(let multi) = area.geometry else { continue }
            outlines.append((id, area.country, multi))
        }
        guard !outlines.isEmpty else { return }
        let index = try AreaContainmentIndex(outlines.map(\.outline))
        for i in places.indices where !keepingGiven || places[i].proposal.place.parent.isEmpty {
            guard let p = places[i].proposal.place.point else { continue }
            if let found = try index.firstArea(holding: p) {
                let area = outlines[found]
                places[i].proposal.place.parent = area.id
                if places[i].proposal.place.country.isEmpty { places[i].proposal.place.country = area.country }
            }
        }
    }
}
