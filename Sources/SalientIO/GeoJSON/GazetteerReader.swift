import Foundation
import SalientCore

/// Reads a gazetteer folder: every `*.geojson` in it, in name order.
public enum GazetteerReader {
    public static let propertyKeys = [
        "id", "name", "name_local", "aliases", "kind", "parent", "country",
        "source", "source_id", "source_url", "licence", "uncertainty_m", "note",
    ]

    /// - Parameter folder: the folder as the user named it; messages quote paths under it.
    public static func read(folder: String) throws -> Gazetteer {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputError("gazetteer folder not found", file: folder)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".geojson") }
            .sorted()
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        // Files are read on every core; the first file in order that fails gives the message,
        // as reading them one after the other would.
        let files = paths.chunkedConcurrentMap(chunk: 1) { path in Result { try readFile(path) } }
        var places: [Place] = []
        var origins: [(file: String, line: Int?)] = []
        for (path, file) in zip(paths, files) {
            for (place, line) in try file.get() {
                places.append(place)
                origins.append((path, line))
            }
        }
        do {
            return try Gazetteer(places: places)
        } catch .duplicateID(let id, let first, let second) {
            let firstAt = origins[first]
            throw InputError(
                "duplicate id '\(id)'", file: origins[second].file, line: origins[second].line, field: "id",
                hint: "first used at \(firstAt.file):\(firstAt.line ?? 0); ids must be unique across the gazetteer")
        } catch .empty {
            throw InputError(
                "the gazetteer holds no places", file: folder, hint: "add places.geojson with at least one feature")
        }
    }

    /// The places of one GeoJSON file, each with the line its feature starts on.
    static func readFile(_ path: String) throws -> [(Place, Int?)] {
        try parse(text: TextFile.read(path), file: path)
    }

    /// The places of GeoJSON text, each with its line; `file` names it in messages.
    public static func parse(text: String, file path: String) throws -> [(Place, Int?)] {
        if let places = PointPlacesParser.parse(text) { return places }
        return try parseTree(text: text, file: path)
    }

    /// `parse` through the YAML tree: every check, every message.
    static func parseTree(text: String, file path: String) throws -> [(Place, Int?)] {
        let reader = NodeReader(file: path)
        let root = try reader.mapping(try reader.root(of: text), field: nil)
        let type = try root.string("type")
        guard type == "FeatureCollection" else {
            throw InputError(
                "expected a FeatureCollection, found '\(type)'", file: path, line: root.line(of: "type"), field: "type")
        }
        let features = try root.sequence("features")
        guard features.count <= Limits.placesPerFile else {
            throw InputError(
                "\(features.count) features is more than Salient accepts in one file (\(Limits.placesPerFile))",
                file: path, line: root.line(of: "features"), field: "features")
        }
        return try features.enumerated().map { index, node in
            try (place(node, index: index, reader: reader), node.line)
        }
    }

    private static func place(_ node: YAMLNode, index: Int, reader: NodeReader) throws -> Place {
        let feature = try reader.mapping(node, field: "features[\(index)]")
        let properties = try feature.mapping("properties")
        try properties.rejectUnknown(allowed: propertyKeys)
        let id = try checkedName(properties.nonEmptyString("id"), properties, "id")
        try reader.refuseControlCharacters(in: id, fields: properties, key: "id")
        let kind = try properties.choice("kind", as: PlaceKind.self)
        let aliases = try properties.node("aliases") == nil ? [] : properties.stringList("aliases")
        for alias in aliases { _ = try checkedName(alias, properties, "aliases") }
        let uncertainty = try properties.node("uncertainty_m") == nil ? 0 : properties.number("uncertainty_m")
        guard uncertainty >= 0 else {
            throw InputError(
                "uncertainty_m is \(formatNumber(uncertainty)); an uncertainty cannot be negative", file: reader.file,
                line: properties.line(of: "uncertainty_m"), field: properties.name("uncertainty_m"))
        }
        let provenance = Provenance(
            source: try properties.nonEmptyString("source"),
            sourceID: try properties.optionalString("source_id"),
            sourceURL: try properties.optionalString("source_url"),
            licence: try properties.nonEmptyString("licence"),
            uncertaintyMeters: uncertainty,
            note: try properties.optionalString("note"))
        let geometry = try GeoJSONGeometryReader(reader: reader).geometry(feature.mapping("geometry"))
        return Place(
            id: id, name: try checkedName(properties.nonEmptyString("name"), properties, "name"),
            localName: try checkedName(properties.optionalString("name_local"), properties, "name_local"),
            aliases: aliases, kind: kind, parent: try properties.optionalString("parent"),
            country: try properties.optionalString("country"), geometry: geometry, provenance: provenance)
    }
}

/// A name, local name, alias or id within `Limits.nameCharacters`: every lookup folds and
/// compares them, and no real place needs more.
private func checkedName(_ text: String, _ properties: Fields, _ key: String) throws -> String {
    let length = text.unicodeScalars.count
    guard length <= Limits.nameCharacters else {
        throw InputError(
            "a \(key == "aliases" ? "alias" : key.replacingOccurrences(of: "_", with: " ")) of \(length) characters "
                + "is longer than Salient accepts (\(Limits.nameCharacters))", file: properties.reader.file,
            line: properties.line(of: key), field: properties.name(key))
    }
    return text
}

/// Reads RFC 7946 geometries, checking ranges, closure and validity.
struct GeoJSONGeometryReader {
    let reader: NodeReader

    func geometry(_ fields: Fields) throws -> Geometry {
        let type = try fields.string("type")
        let coordinates = try fields.required("coordinates")
        let field = fields.name("coordinates")
        let geometry = try parse(type: type, coordinates: coordinates, field: field, fields: fields)
        let vertices = geometry.positions.count
        guard vertices <= Limits.verticesPerGeometry else {
            throw InputError(
                "a geometry of \(vertices) vertices is more than Salient accepts (\(Limits.verticesPerGeometry))",
                file: reader.file, line: coordinates.line, field: field, hint: "simplify it, e.g. in QGIS")
        }
        return geometry
    }

    private func parse(type: String, coordinates: YAMLNode, field: String, fields: Fields) throws -> Geometry {
        switch type {
        case "Point":
            return .point(try position(coordinates, field: field))
        case "LineString":
            return .multiLineString(MultiLineString([try line(coordinates, field: field)]))
        case "MultiLineString":
            return .multiLineString(
                MultiLineString(
                    try list(coordinates, field: field).enumerated().map {
                        try line($1, field: "\(field)[\($0)]")
                    }))
        case "Polygon":
            return .multiPolygon(
                try validated(MultiPolygon([try polygon(coordinates, field: field)]), at: coordinates, field: field))
        case "MultiPolygon":
            let polygons = try list(coordinates, field: field).enumerated().map {
                try polygon($1, field: "\(field)[\($0)]")
            }
            return .multiPolygon(try validated(MultiPolygon(polygons), at: coordinates, field: field))
        default:
            throw InputError(
                "unsupported geometry type '\(type)'", file: reader.file, line: fields.line(of: "type"),
                field: fields.name("type"), hint: "use Point, LineString, MultiLineString, Polygon or MultiPolygon")
        }
    }

    private func list(_ node: YAMLNode, field: String) throws -> [YAMLNode] {
        try reader.sequence(node, field: field)
    }

    func position(_ node: YAMLNode, field: String) throws -> LonLat {
        let numbers = try list(node, field: field)
        guard numbers.count == 2 || numbers.count == 3 else {
            throw InputError(
                "a position needs [longitude, latitude], found \(numbers.count) numbers", file: reader.file,
                line: node.line, field: field)
        }
        let p = LonLat(
            lon: try reader.number(numbers[0], field: field), lat: try reader.number(numbers[1], field: field))
        guard p.isValidPosition else {
            throw InputError(
                "coordinates out of range: longitude \(p.lon), latitude \(p.lat)", file: reader.file,
                line: node.line, field: field,
                hint: "longitude must lie in [-180, 180] and latitude in [-90, 90], longitude first")
        }
        return p
    }

    private func line(_ node: YAMLNode, field: String) throws -> [LonLat] {
        let points = try list(node, field: field).enumerated().map { try position($1, field: "\(field)[\($0)]") }
        guard points.count >= 2 else {
            throw InputError(
                "a line needs at least two positions", file: reader.file, line: node.line, field: field)
        }
        return points
    }

    /// A polygon's rings, each closed and of at least four positions.
    func polygon(_ node: YAMLNode, field: String) throws -> Polygon<LonLat> {
        let rings = try list(node, field: field).enumerated().map { i, ringNode in
            let ring = try list(ringNode, field: "\(field)[\(i)]").enumerated().map {
                try position($1, field: "\(field)[\(i)][\($0)]")
            }
            guard ring.count >= 4, ring.first == ring.last else {
                throw InputError(
                    ring.count < 4 ? "a ring needs at least four positions" : "the ring is not closed",
                    file: reader.file, line: ringNode.line, field: "\(field)[\(i)]",
                    hint: "repeat the first position at the end of each ring")
            }
            return ring
        }
        guard let exterior = rings.first else {
            throw InputError("a polygon needs an exterior ring", file: reader.file, line: node.line, field: field)
        }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    /// Self-intersecting or otherwise invalid polygons are refused: areas measured on them mean nothing.
    private func validated(_ multi: MultiPolygon<LonLat>, at node: YAMLNode, field: String) throws
        -> MultiPolygon<LonLat>
    {
        if let reason = try multi.invalidityReason() {
            throw InputError(
                "invalid polygon: \(reason)", file: reader.file, line: node.line, field: field,
                hint: "repair it, e.g. with QGIS's Fix Geometries")
        }
        return multi
    }
}
