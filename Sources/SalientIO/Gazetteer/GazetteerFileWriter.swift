import Foundation
import SalientCore

/// Writes a gazetteer file in the layout of the bundled ones (what `scripts/build-gazetteer.py`
/// writes, and `GazetteerReader` reads): the 13 properties in their order, one feature per line
/// for points, one position per line for outlines and borders, features in id order. Numbers
/// are printed as Python's `json.dumps` prints them (shortest round-trip form), so a bundled
/// file read and written again is the same bytes.
public enum GazetteerFileWriter {
    /// - Parameter name: the collection's `name` member, which GDAL and QGIS show as the layer name.
    public static func render(_ places: [Place], name: String) -> String {
        var out = "{\n\"type\": \"FeatureCollection\",\n\"name\": "
        JSONValue.quote(name, into: &out)
        out += ",\n\"features\": [\n"
        let sorted = places.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        for (i, place) in sorted.enumerated() {
            if i > 0 { out += ",\n" }
            feature(place, into: &out)
        }
        out += sorted.isEmpty ? "]\n}\n" : "\n]\n}\n"
        return out
    }

    /// The 13 properties in `GazetteerReader.propertyKeys` order.
    static func properties(_ place: Place) -> [(String, JSONValue)] {
        let p = place.provenance
        let values: [JSONValue] = [
            .string(place.id), .string(place.name), .string(place.localName),
            .array(place.aliases.map(JSONValue.string)),
            .string(place.kind.rawValue), .string(place.parent), .string(place.country), .string(p.source),
            .string(p.sourceID), .string(p.sourceURL), .string(p.licence), .string(""), .string(p.note),
        ]
        return zip(GazetteerReader.propertyKeys, values).map { ($0, $1) }
    }

    private static func feature(_ place: Place, into out: inout String) {
        out += "{\"type\": \"Feature\", \"properties\": {"
        for (i, (key, value)) in properties(place).enumerated() {
            if i > 0 { out += ", " }
            JSONValue.quote(key, into: &out)
            out += ": "
            // uncertainty_m is a JSON integer whenever it is whole, as the format promises.
            if key == "uncertainty_m" {
                out += number(place.provenance.uncertaintyMeters)
            } else {
                value.write(to: &out)
            }
        }
        out += "}, \"geometry\": {\"type\": "
        switch place.geometry {
        case .point(let p):
            out += "\"Point\", \"coordinates\": " + position(p) + "}}"
        case .multiPolygon(let multi):
            let polygons = multi.polygons.map { polygon in
                "[\n"
                    + polygon.rings.map { "[\n" + $0.map(position).joined(separator: ",\n") + "\n]" }
                    .joined(separator: ",\n") + "\n]"
            }
            out += "\"MultiPolygon\", \"coordinates\": [\n" + polygons.joined(separator: ",\n") + "\n]}}"
        case .multiLineString(let multi):
            let lines = multi.lines.map { "[\n" + $0.map(position).joined(separator: ",\n") + "\n]" }
            out += "\"MultiLineString\", \"coordinates\": [\n" + lines.joined(separator: ",\n") + "\n]}}"
        }
    }

    private static func position(_ p: LonLat) -> String {
        "[" + p.lon.description + ", " + p.lat.description + "]"
    }

    /// Whole numbers as integers; others, like coordinates, in Swift's `description`: the shortest
    /// form that reads back to the same double, the digits Python's `repr` gives.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 9e15 ? String(Int(value)) : value.description
    }
}
