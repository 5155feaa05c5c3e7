import Foundation
import SalientCore

/// `--postgis postgresql://…`: the layers a run wrote, loaded into PostGIS tables for a team.
///
/// Each table has a `timeline_id` column, the layer's properties (text, double precision,
/// integer for counts, boolean, and date for days written YYYY-MM-DD), and `geom geometry(<type>, 4326)` with
/// a GiST index. A run replaces its timeline's rows, and only its own, in one transaction: a
/// run that fails leaves the previous rows, and an advisory lock on the timeline keeps two
/// runs at once from interleaving.
public enum PostGISOutput {
    /// A table and the file of the run that fills it: a GeoJSON FeatureCollection, or
    /// `series.json` (rows without geometry).
    public struct Layer: Sendable {
        public var table: String
        public var path: String

        public init(table: String, path: String) {
            self.table = table
            self.path = path
        }
    }

    /// Connects and makes sure PostGIS is there, before a run writes anything.
    public static func check(url: String) throws {
        let connection = try PostGISConnection(url: url)
        try ensurePostGIS(connection)
    }

    /// Loads the layers; returns the rows written to each table, in order.
    @discardableResult
    public static func write(_ layers: [Layer], timelineID: String, url: String) throws -> [(String, Int)] {
        let connection = try PostGISConnection(url: url)
        try ensurePostGIS(connection)
        let tables = try layers.map { try table(from: $0) }
        try connection.execute("BEGIN")
        do {
            try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", ["salient:" + timelineID])
            var written: [(String, Int)] = []
            for table in tables {
                try load(table, timelineID: timelineID, into: connection)
                written.append((table.name, table.rows.count))
            }
            try connection.execute("COMMIT")
            return written
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private static func ensurePostGIS(_ connection: PostGISConnection) throws {
        try connection.silenceNotices()
        let installed = try connection.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
        guard installed.isEmpty else { return }
        do {
            try connection.execute("CREATE EXTENSION postgis")
        } catch {
            throw InputError(
                "PostGIS is not installed in the database at \(connection.server), and this user cannot install it",
                file: "--postgis", hint: "ask its owner to run CREATE EXTENSION postgis")
        }
    }

    /// A layer's rows as column values (text, or nil for NULL) and its geometries as GeoJSON.
    struct Table {
        var name: String
        var columns: [(name: String, type: String)]
        var geometryType: String?
        var rows: [(values: [String?], geometry: String?)]
    }

    static func table(from layer: Layer) throws -> Table {
        guard let data = FileManager.default.contents(atPath: layer.path),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw DatabaseFailure(message: "cannot read back the layer just written (\(layer.path))") }
        let records: [(properties: [String: Any], geometry: Any?)]
        if let features = root["features"] as? [[String: Any]] {
            records = features.map { ($0["properties"] as? [String: Any] ?? [:], $0["geometry"]) }
        } else if let days = root["days"] as? [[String: Any]] {
            records = days.map { ($0, nil) }
        } else {
            throw DatabaseFailure(message: "the layer \(layer.path) is neither a FeatureCollection nor a series")
        }
        // Every feature has the same keys; sorted, so that a table's columns never depend on a
        // reader's order. The timeline is the table's own `timeline_id`.
        let keys = Set(records.flatMap { $0.properties.keys }).subtracting(["timeline", "timeline_id"]).sorted()
        let columns = keys.map { key in (name: key, type: sqlType(of: key, values: records.map { $0.properties[key] }))
        }
        let geometryType = records.compactMap { ($0.geometry as? [String: Any])?["type"] as? String }.first
        let rows = try records.map { record -> (values: [String?], geometry: String?) in
            let values = columns.map { column in text(of: record.properties[column.name]) }
            let geometry = try record.geometry.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
            return (values, geometry)
        }
        return Table(name: layer.table, columns: columns, geometryType: geometryType, rows: rows)
    }

    private static let integerKeys: Set<String> = [
        "age_days", "events_on_day", "events_to_date", "sources_to_date", "settlements_controlled",
        "settlements_contested",
    ]

    static func sqlType(of key: String, values: [Any?]) -> String {
        let present = values.compactMap { $0 }.filter { !($0 is NSNull) }
        if !present.isEmpty, present.allSatisfy(isDay) { return "date" }
        if !present.isEmpty, present.allSatisfy(isBoolean) { return "boolean" }
        if !present.isEmpty, present.allSatisfy({ $0 is NSNumber }) {
            return key.hasSuffix("_count") || integerKeys.contains(key) ? "integer" : "double precision"
        }
        return "text"
    }

    /// A day as every layer writes it, YYYY-MM-DD.
    private static func isDay(_ value: Any) -> Bool {
        guard let text = value as? String else { return false }
        return CalendarDay(text) != nil
    }

    /// JSON's true and false: Foundation reads them as its boolean NSNumber, not as 1 and 0.
    private static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return number === NSNumber(value: true) || number === NSNumber(value: false)
    }

    private static func text(of value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let string as String: return string
        case let number as NSNumber:
            if isBoolean(number) { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default:
            return (try? JSONSerialization.data(withJSONObject: value!)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func load(_ table: Table, timelineID: String, into connection: PostGISConnection) throws {
        let name = quoted(table.name)
        var definitions = ["timeline_id text NOT NULL"] + table.columns.map { "\(quoted($0.name)) \($0.type)" }
        if let type = table.geometryType { definitions.append("geom geometry(\(type), 4326)") }
        try connection.execute("CREATE TABLE IF NOT EXISTS \(name) (\(definitions.joined(separator: ", ")))")
        // A table made by another version, or by a timeline whose layer was empty, gains the
        // columns this run writes; the rows of other timelines keep theirs.
        for definition in definitions.dropFirst() {
            try connection.execute("ALTER TABLE \(name) ADD COLUMN IF NOT EXISTS \(definition)")
        }
        if table.geometryType != nil {
            try connection.execute(
                "CREATE INDEX IF NOT EXISTS \(quoted(table.name + "_geom_gist")) ON \(name) USING GIST (geom)")
        }
        try connection.execute("DELETE FROM \(name) WHERE timeline_id = $1", [timelineID])
        let columnList =
            (["timeline_id"] + table.columns.map { quoted($0.name) }
            + (table.geometryType == nil ? [] : ["geom"])).joined(separator: ", ")
        var placeholders = (1...(table.columns.count + 1)).map { "$\($0)" }
        if table.geometryType != nil {
            placeholders.append("ST_SetSRID(ST_GeomFromGeoJSON($\(table.columns.count + 2)), 4326)")
        }
        let insert = "INSERT INTO \(name) (\(columnList)) VALUES (\(placeholders.joined(separator: ", ")))"
        for row in table.rows {
            try connection.execute(
                insert, [timelineID] + row.values + (table.geometryType == nil ? [] : [row.geometry]))
        }
    }
}
