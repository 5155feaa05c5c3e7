import Foundation
import SalientCore

/// The features of `--geojson`: what was measured, so a user can see it in QGIS.
public enum CheckLayers {
    public static func lines(_ report: CheckReport) -> [GeoJSONFeature] {
        report.lines.map { line in
            GeoJSONFeature(
                properties: [
                    ("role", .string(line.role)),
                    ("label", .string(line.label)),
                    ("claims", .string(line.claimIDs.joined(separator: "; "))),
                    ("as_of_date", .string(line.asOf.description)),
                    ("length_km", .number(line.lengthKilometers, decimals: 3)),
                    ("length_method", .string("geodesic on WGS 84 (PROJ geod_inverse)")),
                    ("timeline", .string(report.timelineID)),
                ], geometry: lineString(line.points))
        }
    }

    public static func areas(_ report: CheckReport) throws -> [GeoJSONFeature] {
        try report.areas.map { area in
            GeoJSONFeature(
                properties: [
                    ("role", .string(area.role)),
                    ("label", .string(area.label)),
                    ("claims", .string(area.claimIDs.joined(separator: "; "))),
                    ("as_of_date", .string(area.asOf.description)),
                    ("area_km2", .number(area.areaSquareKilometers, decimals: 3)),
                    ("area_method", .string("geodesic on WGS 84 (PROJ geod_polygonarea)")),
                    ("timeline", .string(report.timelineID)),
                ], geometry: GeoJSONWriter.multiPolygon(try area.geometry.splitAtAntimeridian()))
        }
    }

    /// An RFC 7946 LineString, rounded like every other output position.
    public static func lineString(_ points: [LonLat]) -> JSONValue {
        .object([("type", .string("LineString")), ("coordinates", .array(points.map(GeoJSONWriter.position)))])
    }
}
