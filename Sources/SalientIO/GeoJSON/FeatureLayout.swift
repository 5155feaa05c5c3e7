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
        "{" + members.joined(separator: ", ") + "}"
    }

    public static func feature(properties: String, geometry: String) -> String {
        object([
            member("type", text: "\"Feature\""), member("properties", text: properties),
            member("geometry", text: geometry),
        ])
    }
}
