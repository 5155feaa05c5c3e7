import Foundation
import SalientCore

/// Lays out JSON objects and GeoJSON feature lines from pieces serialized once, with the
/// bytes `JSONValue` and `GeoJSONWriter` give for the whole (GeoJSONWriterTests checks it):
/// a day's polygon is printed once and reused in the daily file and the temporal layer.
public enum FeatureLayout {
    public static func member(_ property: (String, JSONValue)) -> String {
        member(property.0, text: property.1.serialized)
    }

    public static func member(_ key: String, text: String) -> String {
        var out = ""
        JSONValue.quote(key, into: &out)
        return out + ": " + text
    }

    public static func object(_ members: [String]) -> String {
        var out = ""
        out.reserveCapacity(objectBytes(members))
        appendObject(members, to: &out)
        return out
    }

    /// A feature line: `{"type": "Feature", "properties": {members}, "geometry": …}`, the bytes
    /// the members `type`, `properties` and `geometry` joined as `object` joins them give, laid
    /// out in one string: a tier's properties on a long run are hundreds of kilobytes a day,
    /// and each piece is copied once.
    public static func feature(members: [String], geometry: String) -> String {
        var out = ""
        out.reserveCapacity(
            featureHead.utf8.count + objectBytes(members) + geometryHead.utf8.count + geometry.utf8.count + 1)
        out += featureHead
        appendObject(members, to: &out)
        out += geometryHead
        out += geometry
        out += "}"
        return out
    }

    private static let featureHead = #"{"type": "Feature", "properties": "#
    private static let geometryHead = #", "geometry": "#

    /// The bytes `object(members)` takes.
    private static func objectBytes(_ members: [String]) -> Int {
        members.reduce(2) { $0 + $1.utf8.count } + 2 * max(0, members.count - 1)
    }

    private static func appendObject(_ members: [String], to out: inout String) {
        out += "{"
        for (index, member) in members.enumerated() {
            if index > 0 { out += ", " }
            out += member
        }
        out += "}"
    }
}
