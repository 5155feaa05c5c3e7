import Foundation
import SalientCore
import Testing

/// Checks what QGIS would silently accept but RFC 7946 and Salient's own promises forbid:
/// a `crs` member, mixed geometry types, differing property keys or JSON types (null aside), positions out
/// of range or with more than 6 decimals, open rings, left-handed rings, invalid polygons.
enum GeoJSONStructure {
    static func violations(in url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return ["not a JSON object"]
        }
        var problems: [String] = []
        if root["crs"] != nil { problems.append("has a crs member") }
        guard root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]] else {
            return problems + ["not a FeatureCollection"]
        }
        var geometryTypes = Set<String>()
        var keys: Set<String>?
        var typesByKey: [String: Set<String>] = [:]
        for (index, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            if let keys, keys != Set(properties.keys) {
                problems.append("feature \(index): keys differ from feature 0")
            }
            keys = keys ?? Set(properties.keys)
            // null stands for a missing value (an open-ended end_date) and fits any type.
            for (key, value) in properties where !(value is NSNull) {
                typesByKey[key, default: []].insert(jsonType(value))
            }
            guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
                problems.append("feature \(index): no geometry")
                continue
            }
            geometryTypes.insert(type)
            let coordinates = geometry["coordinates"]
            for position in positions(coordinates) {
                guard position.count == 2 else {
                    problems.append("feature \(index): position of \(position.count) numbers")
                    continue
                }
                if !(-180...180).contains(position[0]) || !(-90...90).contains(position[1]) {
                    problems.append("feature \(index): position \(position) out of range")
                }
                if position.contains(where: { ($0 * 1e6).rounded() / 1e6 != $0 }) {
                    problems.append("feature \(index): more than 6 decimals in \(position)")
                }
            }
            if type == "MultiPolygon", let polygons = coordinates as? [[[[Double]]]] {
                for polygon in polygons {
                    let rings = polygon.map { $0.map { LonLat(lon: $0[0], lat: $0[1]) } }
                    guard rings.allSatisfy({ $0.count >= 4 && $0.first == $0.last }), let exterior = rings.first else {
                        problems.append("feature \(index): open ring")
                        continue
                    }
                    let written = MultiPolygon([Polygon(exterior: exterior, holes: Array(rings.dropFirst()))])
                    let rightHanded = try written.rightHanded().polygons[0]
                    for (r, ring) in rightHanded.rings.enumerated() where ring != rings[r] {
                        problems.append("feature \(index): ring \(r) breaks the right-hand rule")
                    }
                    if let reason = try written.invalidityReason() {
                        problems.append("feature \(index): invalid polygon: \(reason)")
                    }
                }
            }
        }
        if geometryTypes.count > 1 { problems.append("mixed geometry types \(geometryTypes.sorted())") }
        for (key, types) in typesByKey.sorted(by: { $0.key < $1.key }) where types.count > 1 {
            problems.append("property \(key) has several JSON types: \(types.sorted())")
        }
        return problems
    }

    private static func jsonType(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case let n as NSNumber: return String(cString: n.objCType) == "c" ? "bool" : "number"
        case is String: return "string"
        case is [Any]: return "array"
        default: return "object"
        }
    }

    private static func positions(_ value: Any?) -> [[Double]] {
        if let position = value as? [Double] { return [position] }
        if let list = value as? [Any] { return list.flatMap(positions) }
        return []
    }
}
