import Foundation
import SalientCore

/// Reads a timeline's optional `maps:` section: dated control polygons from elsewhere that
/// `salient check` measures claims against beside the estimate (format in docs/formats.md).
extension TimelineReader {
    static let mapKeys = ["id", "title", "source", "as_of", "depicts", "file", "repair", "layers", "category_field"]

    static func maps(_ root: Fields, reader: NodeReader, timelinePath: String, timeline: Timeline) throws
        -> [ReferenceMap]
    {
        guard root.node("maps") != nil else { return [] }
        let geodesic = try Geodesic.wgs84()
        var seen: [String: Int?] = [:]
        return try root.sequence("maps").enumerated().map { index, node in
            let fields = try reader.mapping(node, field: "maps[\(index)]")
            let map = try self.map(
                fields, reader: reader, timelinePath: timelinePath, timeline: timeline, geodesic: geodesic)
            try reader.refuseControlCharacters(in: map.id, fields: fields, key: "id")
            if let first = seen[map.id] {
                throw InputError(
                    "duplicate id '\(map.id)' in maps", file: reader.file, line: fields.line(of: "id"),
                    field: fields.name("id"), hint: "first used on line \(first ?? 0); ids must be unique")
            }
            seen[map.id] = fields.line(of: "id")
            return map
        }
    }

    private static func map(
        _ fields: Fields, reader: NodeReader, timelinePath: String, timeline: Timeline,
        geodesic: Geodesic
    ) throws -> ReferenceMap {
        try fields.rejectUnknown(allowed: mapKeys)
        let file = reader.file
        let stated = try fields.node("as_of").map { _ in try fields.day("as_of") }
        var depicts: MapLayerDefinition?
        if let depictsText = try fields.node("depicts").map({ _ in try fields.string("depicts") }) {
            let allowed = ClaimDefinition.allCases.compactMap { MapLayerDefinition(depicts: $0) == nil ? nil : $0 }
            guard let definition = ClaimDefinition(rawValue: depictsText),
                let layer = MapLayerDefinition(depicts: definition)
            else {
                throw InputError(
                    "'\(depictsText)' is not one of \(allowed.map(\.rawValue).joined(separator: ", "))", file: file,
                    line: fields.line(of: "depicts"), field: fields.name("depicts"),
                    hint: didYouMean(closest(depictsText, among: allowed.map(\.rawValue))))
            }
            depicts = layer
        }
        let repair: Bool
        switch try fields.node("repair").map({ try reader.string($0, field: fields.name("repair")) }) {
        case nil, "false": repair = false
        case "true": repair = true
        case let other?:
            throw InputError(
                "expected true or false, found '\(other)'", file: file, line: fields.line(of: "repair"),
                field: fields.name("repair"))
        }
        let named = try fields.nonEmptyString("file")
        let base = (timelinePath as NSString).deletingLastPathComponent
        let path =
            named.hasPrefix("/") || base.isEmpty ? named : normalized((base as NSString).appendingPathComponent(named))
        let options = MapFileReader.Options(
            depicts: depicts,
            categoryField: try fields.node("category_field").map { _ in try fields.nonEmptyString("category_field") },
            definitions: try layerDefinitions(fields, reader: reader), actor: timeline.estimate.actor,
            repair: repair, field: fields.name("layers"), timelineFile: file,
            line: fields.line(of: "layers") ?? fields.line(of: "file"))
        let read = try MapFileReader.read(path: path, options: options, timeZone: timeline.timeZone, geodesic: geodesic)
        // A map of any day is welcome, before the timeline's first or after its last: maps lag.
        guard let asOf = stated ?? read.date else {
            throw InputError(
                "the map gives no date", file: file, line: fields.line(of: "file"), field: fields.name("as_of"),
                hint: "write the day it shows as as_of: YYYY-MM-DD")
        }
        return ReferenceMap(
            id: try fields.nonEmptyString("id"), title: try fields.optionalString("title"),
            source: try fields.nonEmptyString("source"), asOf: asOf, file: named, layers: read.layers,
            repairs: read.repairs)
    }

    /// The map's `layers:` table: each of its categories, as the file writes it, to a definition.
    private static func layerDefinitions(_ fields: Fields, reader: NodeReader) throws -> [String: MapLayerDefinition] {
        guard let node = fields.node("layers") else { return [:] }
        let table = try reader.mapping(node, field: fields.name("layers"))
        var definitions: [String: MapLayerDefinition] = [:]
        for entry in table.entries {
            let category = entry.scalarKey ?? ""
            let field = "\(fields.name("layers")).\(category)"
            let text = try reader.string(entry.value, field: field)
            guard let definition = MapLayerDefinition(rawValue: text) else {
                let allowed = MapLayerDefinition.allCases.map(\.rawValue)
                throw InputError(
                    "'\(text)' is not one of \(allowed.joined(separator: ", "))", file: reader.file,
                    line: entry.value.line, field: field, hint: didYouMean(closest(text, among: allowed)))
            }
            definitions[category] = definition
        }
        return definitions
    }
}
