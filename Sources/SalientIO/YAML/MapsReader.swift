import Foundation
import SalientCore
import Yams

/// Reads a timeline's optional `maps:` section: dated control polygons from elsewhere that
/// `salient check` measures claims against beside the estimate (format in docs/formats.md).
extension TimelineReader {
    static let mapKeys = ["id", "title", "source", "as_of", "depicts", "file", "repair"]

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
        let asOf = try fields.day("as_of")
        if let span = timeline.span, asOf < span.start || asOf > span.end {
            throw InputError(
                "the map shows \(asOf), outside the timeline, which spans \(span.start) to \(span.end)", file: file,
                line: fields.line(of: "as_of"), field: fields.name("as_of"),
                hint: "name maps of days the timeline's events cover")
        }
        let depictsText = try fields.string("depicts")
        guard let depicts = ClaimDefinition(rawValue: depictsText), ReferenceMap.depictable.contains(depicts) else {
            let allowed = ReferenceMap.depictable.map(\.rawValue)
            throw InputError(
                "'\(depictsText)' is not one of \(allowed.joined(separator: ", "))", file: file,
                line: fields.line(of: "depicts"), field: fields.name("depicts"),
                hint: didYouMean(closest(depictsText, among: allowed)))
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
        let features = try PolygonFileReader.read(
            path: path, repair: repair,
            repairHint: "set repair: true on the map to repair it with GEOSMakeValid")
        let polygons = features.compactMap(\.geometry).filter { !$0.isEmpty }
        guard !polygons.isEmpty else {
            throw InputError(
                "the map file holds no Polygon or MultiPolygon features", file: path,
                hint: "a map names a file of the polygons it draws")
        }
        // Overlapping features (a layer per unit, say) must count once: union them in the
        // lon/lat plane, where the union is exact, and measure the result geodesically.
        let union = try MultiPolygon.union(polygons)
        return ReferenceMap(
            id: try fields.nonEmptyString("id"), title: try fields.optionalString("title"),
            source: try fields.nonEmptyString("source"), asOf: asOf, depicts: depicts, file: named,
            geometry: union, areaSquareKilometers: geodesic.area(of: union) / 1e6,
            repairs: features.compactMap(\.repair))
    }
}
