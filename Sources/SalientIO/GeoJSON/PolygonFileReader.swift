import Foundation
import SalientCore

/// A scalar property of a feature from elsewhere.
public enum PropertyValue: Hashable, Sendable {
    case number(Double)
    case text(String)
    /// true/false, null, or a nested value: kept as text for display, never read as a figure.
    case other(String)
}

/// One feature of a polygon file from another project, as read.
public struct PolygonFeature: Sendable {
    /// Position in the file's `features` list, from 0.
    public var index: Int
    public var line: Int?
    /// Scalar properties in the order written.
    public var properties: [(key: String, value: PropertyValue)]
    /// `Polygon`, `MultiPolygon`, another GeoJSON type, or `none` for a null geometry.
    public var geometryType: String
    /// The polygons in lon/lat; nil when the geometry is not areal.
    public var geometry: MultiPolygon<LonLat>?
    /// What GEOSMakeValid repaired, or nil when the polygon was valid as written.
    public var repair: String?

    public func property(_ key: String) -> PropertyValue? {
        properties.first { $0.key == key }?.value
    }
}

/// Reads RFC 7946 FeatureCollections of polygons made elsewhere (another project's control map,
/// a user's digitising). Unlike the gazetteer, such files are not Salient's to fix: an invalid
/// polygon is either refused with its feature's index, or, when the caller asks, repaired with
/// GEOSMakeValid and reported.
public enum PolygonFileReader {
    /// - Parameters:
    ///   - repair: repair invalid polygons with GEOSMakeValid instead of refusing the file;
    ///   - repairHint: how the user asks for that, for the message that refuses.
    public static func read(path: String, repair: Bool, repairHint: String) throws -> [PolygonFeature] {
        let (reader, root) = try FeatureCollectionRoot.read(path)
        let geometryReader = GeoJSONGeometryReader(reader: reader)
        let features = try root.sequence("features")
        guard features.count <= Limits.placesPerFile else {
            throw InputError(
                "\(features.count) features is more than Salient accepts in one file (\(Limits.placesPerFile))",
                file: path, line: root.line(of: "features"), field: "features")
        }
        return try features.enumerated().map { index, node in
            let field = "features[\(index)]"
            let feature = try reader.mapping(node, field: field)
            var properties: [(String, PropertyValue)] = []
            if let propertiesNode = feature.node("properties") {
                let mapping = try reader.mapping(propertiesNode, field: "\(field).properties")
                // A null property is a missing one, as GDAL reads it.
                for entry in mapping.entries where !reader.isNull(entry.value) {
                    properties.append((entry.scalarKey ?? "", Self.value(entry.value, reader: reader)))
                }
            }
            guard let geometryNode = feature.node("geometry") else {
                return PolygonFeature(
                    index: index, line: node.line, properties: properties, geometryType: "none",
                    geometry: nil, repair: nil)
            }
            let geometry = try reader.mapping(geometryNode, field: "\(field).geometry")
            let geometryType = try geometry.string("type")
            guard geometryType == "Polygon" || geometryType == "MultiPolygon" else {
                return PolygonFeature(
                    index: index, line: node.line, properties: properties, geometryType: geometryType,
                    geometry: nil, repair: nil)
            }
            let coordinates = try geometry.required("coordinates")
            let coordinatesField = geometry.name("coordinates")
            let polygons =
                geometryType == "Polygon"
                ? [try geometryReader.polygon(coordinates, field: coordinatesField)]
                : try reader.sequence(coordinates, field: coordinatesField).enumerated().map {
                    try geometryReader.polygon($1, field: "\(coordinatesField)[\($0)]")
                }
            let vertices = polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
            guard vertices <= Limits.verticesPerGeometry else {
                throw InputError(
                    "a geometry of \(vertices) vertices is more than Salient accepts (\(Limits.verticesPerGeometry))",
                    file: path, line: coordinates.line, field: coordinatesField, hint: "simplify it, e.g. in QGIS"
                )
            }
            var multi = MultiPolygon(polygons)
            var repaired: String?
            // Validity is a planar property; in the lon/lat plane it is the one QGIS and GDAL check.
            if let reason = try multi.invalidityReason() {
                guard repair else {
                    throw InputError(
                        "feature \(index) has an invalid polygon: \(reason)", file: path, line: geometryNode.line,
                        field: "\(field).geometry",
                        hint: "repair it (QGIS: Fix Geometries), or \(repairHint)")
                }
                multi = try multi.madeValid()
                repaired = "feature \(index): \(reason), repaired with GEOSMakeValid"
            }
            return PolygonFeature(
                index: index, line: node.line, properties: properties, geometryType: geometryType,
                geometry: multi, repair: repaired)
        }
    }

    private static func value(_ node: YAMLNode, reader: NodeReader) -> PropertyValue {
        guard let scalar = node.scalar else { return .other(node.mapping != nil ? "{…}" : "[…]") }
        if scalar.isPlain, let number = Double(scalar.string), number.isFinite { return .number(number) }
        if scalar.isPlain, ["true", "false"].contains(scalar.string) { return .other(scalar.string) }
        return .text(scalar.string)
    }
}
