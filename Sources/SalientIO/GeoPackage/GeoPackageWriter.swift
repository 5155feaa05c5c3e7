import Foundation
import SalientCore

/// A geometry of a GeoPackage feature, in lon/lat on WGS 84 (srs_id 4326), already on the output grid.
enum GeoPackageGeometry {
    case point(LonLat)
    case multiPolygon(MultiPolygon<LonLat>)

    var positions: [LonLat] {
        switch self {
        case .point(let p): return [p]
        case .multiPolygon(let m): return m.polygons.flatMap { $0.rings.flatMap { $0 } }
        }
    }

    /// [minx, maxx, miny, maxy], or nil for an empty geometry.
    var envelope: [Double]? {
        let points = positions
        guard let first = points.first else { return nil }
        var box = [first.lon, first.lon, first.lat, first.lat]
        for p in points {
            box = [min(box[0], p.lon), max(box[1], p.lon), min(box[2], p.lat), max(box[3], p.lat)]
        }
        return box
    }

    /// GeoPackage binary (spec 1.3 §2.1.3): "GP", version 0, flags, srs_id, the envelope, then
    /// ISO WKB from GEOS. Flags: little-endian (bit 0), envelope [minx, maxx, miny, maxy] (code 1
    /// in bits 1–3), or for an empty geometry no envelope and the empty bit (4), as GDAL writes it.
    func binary() throws -> [UInt8] {
        let wkb: [UInt8]
        switch self {
        case .point(let p): wkb = try p.wellKnownBinary()
        case .multiPolygon(let m): wkb = try m.wellKnownBinary()
        }
        var out: [UInt8] = [0x47, 0x50, 0]
        let envelope = self.envelope
        out.append(envelope == nil ? 0b1_0001 : 0b0_0011)
        withUnsafeBytes(of: Int32(GeoPackageWriter.wgs84).littleEndian) { out.append(contentsOf: $0) }
        for value in envelope ?? [] {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
        }
        return out + wkb
    }
}

/// One table of a GeoPackage: a features table of one geometry type, or an attributes table.
struct GeoPackageLayer {
    enum ColumnType: String {
        case text = "TEXT"
        case real = "REAL"
        case integer = "INTEGER"
        case date = "DATE"
        case boolean = "BOOLEAN"
    }

    enum GeometryType: String {
        case point = "POINT"
        case multiPolygon = "MULTIPOLYGON"

        /// QGIS's QgsWkbTypes::GeometryType, which a style records.
        var qgisGeometryType: Int { self == .point ? 0 : 2 }
    }

    struct Row {
        var values: [SQLiteValue]
        var geometry: GeoPackageGeometry?
    }

    var table: String
    var description: String
    /// Nil for an attributes table.
    var geometryType: GeometryType?
    var columns: [(name: String, type: ColumnType)]
    var rows: [Row]

    /// Layers with a validity interval get a default style that turns on QGIS's Temporal Controller.
    var isTemporal: Bool {
        geometryType != nil && columns.contains { $0.name == "start_date" }
            && columns.contains { $0.name == "end_date" }
    }
}

/// Writes GeoPackage 1.3 files through SQLite's C API: the metadata tables, one user table per
/// layer with an R-tree spatial index, and QGIS default styles in `layer_styles`.
///
/// The same layers and `lastChange` give the same bytes: nothing reads the clock, statements
/// run in a fixed order, and the file is vacuumed at the end, so it holds no free pages.
enum GeoPackageWriter {
    static let wgs84 = 4326
    static let geometryColumn = "geom"
    static let idColumn = "fid"

    /// Writes `layers` to a new file at `path` (which must not exist).
    /// - Parameter lastChange: `gpkg_contents.last_change` and the styles' `update_time`, as
    ///   `YYYY-MM-DDTHH:MM:SS.SSSZ`; derived from the data, never the clock.
    static func write(_ layers: [GeoPackageLayer], to path: String, lastChange: String) throws {
        let db = try SQLiteDatabase(creating: path)
        // "GPKG" and 1.3.0, the spec's §1.1.1 requirements on the SQLite header.
        try db.execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;")
        try db.execute("BEGIN")
        try createMetadataTables(db)
        for layer in layers {
            try write(layer, to: db, lastChange: lastChange)
        }
        let styled = layers.filter(\.isTemporal)
        if !styled.isEmpty { try writeStyles(styled, to: db, lastChange: lastChange) }
        try db.execute("COMMIT")
        try db.execute("VACUUM")
        try db.close()
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The tables of spec §1.1.2–1.1.3, with the three rows gpkg_spatial_ref_sys must hold
    /// (the definition of 4326 as GDAL writes it).
    private static func createMetadataTables(_ db: SQLiteDatabase) throws {
        try db.execute(
            """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, \
            organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, \
            description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, \
            identifier TEXT UNIQUE, description TEXT DEFAULT '', \
            last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), \
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, \
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, \
            geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, \
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), \
            CONSTRAINT uk_gc_table_name UNIQUE (table_name), \
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), \
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, \
            definition TEXT NOT NULL, scope TEXT NOT NULL, \
            CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            """)
        let wgs84Definition = """
            GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],\
            AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],\
            UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],\
            AUTHORITY["EPSG","4326"]]
            """
        try db.run(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
            rows: [
                [
                    .text("Undefined Cartesian SRS"), .integer(-1), .text("NONE"), .integer(-1), .text("undefined"),
                    .text("undefined Cartesian coordinate reference system"),
                ],
                [
                    .text("Undefined geographic SRS"), .integer(0), .text("NONE"), .integer(0), .text("undefined"),
                    .text("undefined geographic coordinate reference system"),
                ],
                [
                    .text("WGS 84 geodetic"), .integer(Int64(wgs84)), .text("EPSG"), .integer(Int64(wgs84)),
                    .text(wgs84Definition),
                    .text("longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
                ],
            ])
    }

    private static func write(_ layer: GeoPackageLayer, to db: SQLiteDatabase, lastChange: String) throws {
        let table = quoted(layer.table)
        var definitions = ["\(quoted(idColumn)) INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"]
        if let type = layer.geometryType { definitions.append("\(quoted(geometryColumn)) \(type.rawValue)") }
        definitions += layer.columns.map { "\(quoted($0.name)) \($0.type.rawValue)" }
        try db.execute("CREATE TABLE \(table) (\(definitions.joined(separator: ", ")))")

        var envelopes: [(Int64, [Double])] = []
        var rows: [[SQLiteValue]] = []
        rows.reserveCapacity(layer.rows.count)
        for (index, row) in layer.rows.enumerated() {
            let fid = Int64(index + 1)
            var values: [SQLiteValue] = [.integer(fid)]
            if layer.geometryType != nil {
                guard let geometry = row.geometry else {
                    rows.append(values + [.null] + row.values)
                    continue
                }
                values.append(.blob(try geometry.binary()))
                if let envelope = geometry.envelope { envelopes.append((fid, envelope)) }
            }
            rows.append(values + row.values)
        }
        let names = [idColumn] + (layer.geometryType == nil ? [] : [geometryColumn]) + layer.columns.map(\.name)
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try db.run(
            "INSERT INTO \(table) (\(names.map(quoted).joined(separator: ", "))) VALUES (\(placeholders))",
            rows: rows)

        let extent = envelopes.map(\.1).reduce(nil as [Double]?) { box, e in
            guard let box else { return e }
            return [min(box[0], e[0]), max(box[1], e[1]), min(box[2], e[2]), max(box[3], e[3])]
        }
        let bounds: [SQLiteValue] =
            extent.map { [.real($0[0]), .real($0[2]), .real($0[1]), .real($0[3])] }
            ?? [.null, .null, .null, .null]
        try db.run(
            "INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows: [
                [
                    .text(layer.table), .text(layer.geometryType == nil ? "attributes" : "features"),
                    .text(layer.table),
                    .text(layer.description), .text(lastChange),
                ] + bounds
                    + [layer.geometryType == nil ? .null : .integer(Int64(wgs84))]
            ])
        guard let type = layer.geometryType else { return }
        try db.run(
            "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
            rows: [
                [.text(layer.table), .text(geometryColumn), .text(type.rawValue), .integer(Int64(wgs84))]
            ])
        try writeSpatialIndex(layer.table, envelopes: envelopes, to: db)
    }

    /// The R-tree spatial index extension (spec 1.3, annex F.3). The rows are in place already,
    /// so the index is filled from their envelopes, and only then are the triggers that keep it
    /// current created: they call ST_IsEmpty and ST_MinX…, which SQLite resolves when a trigger
    /// fires, in the clients (GDAL, QGIS) that edit the file, not here.
    private static func writeSpatialIndex(
        _ name: String, envelopes: [(Int64, [Double])],
        to db: SQLiteDatabase
    ) throws {
        let rtree = quoted("rtree_\(name)_\(geometryColumn)")
        let (t, c, i) = (quoted(name), quoted(geometryColumn), quoted(idColumn))
        try db.run(
            "INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
            rows: [
                [.text(name), .text(geometryColumn), .text("http://www.geopackage.org/spec120/#extension_rtree")]
            ])
        try db.execute("CREATE VIRTUAL TABLE \(rtree) USING rtree(id, minx, maxx, miny, maxy)")
        try db.run(
            "INSERT INTO \(rtree) VALUES (?, ?, ?, ?, ?)",
            rows: envelopes.map { fid, e in [.integer(fid)] + e.map { .real($0) } })
        let values = "VALUES (NEW.\(i), ST_MinX(NEW.\(c)), ST_MaxX(NEW.\(c)), ST_MinY(NEW.\(c)), ST_MaxY(NEW.\(c)))"
        let rtreeName = "rtree_\(name)_\(geometryColumn)"
        try db.execute(
            """
            CREATE TRIGGER \(quoted(rtreeName + "_insert")) AFTER INSERT ON \(t) \
            WHEN (new.\(c) NOT NULL AND NOT ST_IsEmpty(NEW.\(c))) \
            BEGIN INSERT OR REPLACE INTO \(rtree) \(values); END;
            CREATE TRIGGER \(quoted(rtreeName + "_update1")) AFTER UPDATE OF \(c) ON \(t) \
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c))) \
            BEGIN INSERT OR REPLACE INTO \(rtree) \(values); END;
            CREATE TRIGGER \(quoted(rtreeName + "_update2")) AFTER UPDATE OF \(c) ON \(t) \
            WHEN OLD.\(i) = NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c))) \
            BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(i); END;
            CREATE TRIGGER \(quoted(rtreeName + "_update3")) AFTER UPDATE ON \(t) \
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) NOTNULL AND NOT ST_IsEmpty(NEW.\(c))) \
            BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(i); INSERT OR REPLACE INTO \(rtree) \(values); END;
            CREATE TRIGGER \(quoted(rtreeName + "_update4")) AFTER UPDATE ON \(t) \
            WHEN OLD.\(i) != NEW.\(i) AND (NEW.\(c) ISNULL OR ST_IsEmpty(NEW.\(c))) \
            BEGIN DELETE FROM \(rtree) WHERE id IN (OLD.\(i), NEW.\(i)); END;
            CREATE TRIGGER \(quoted(rtreeName + "_delete")) AFTER DELETE ON \(t) \
            WHEN old.\(c) NOT NULL \
            BEGIN DELETE FROM \(rtree) WHERE id = OLD.\(i); END;
            """)
    }

    /// QGIS's `layer_styles` table (as QGIS creates it in a GeoPackage), registered as attributes,
    /// with one default style per temporal layer.
    private static func writeStyles(_ layers: [GeoPackageLayer], to db: SQLiteDatabase, lastChange: String) throws {
        try db.execute(
            """
            CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256), \
            f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), \
            styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), \
            update_time DATETIME)
            """)
        try db.run(
            """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) \
            VALUES (?, ?, ?, ?, ?)
            """,
            rows: [
                [
                    .text("layer_styles"), .text("attributes"), .text("layer_styles"),
                    .text("QGIS default styles"), .text(lastChange),
                ]
            ])
        let rows: [[SQLiteValue]] = layers.map { layer in
            [
                .text(""), .text(""), .text(layer.table), .text(geometryColumn), .text(layer.table),
                .text(QGISStyle.temporal(geometryType: layer.geometryType?.qgisGeometryType ?? 0)), .text(""),
                .integer(1),
                .text(QGISStyle.temporalDescription), .text(""), .text(""), .text(lastChange),
            ]
        }
        try db.run(
            """
            INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, \
            styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, rows: rows)
    }
}

/// The QML of Salient's default styles, in the form QGIS 3.22 writes it (`exportNamedStyle` with
/// the Temporal category), attributes in a fixed order.
enum QGISStyle {
    static let temporalDescription =
        "Temporal Controller on: each feature from start_date (included) to end_date (excluded)"

    /// Turns the layer's temporal properties on: mode 2 is "Separate Fields for Start and End
    /// Date/Time" (ModeFeatureDateTimeStartAndEndFromFields), limitMode 0 includes the start
    /// and excludes the end, which is how Salient's intervals are half-open.
    static func temporal(geometryType: Int) -> String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.16-Białowieża" styleCategories="Temporal">
         <temporal enabled="1" mode="2" startField="start_date" endField="end_date" limitMode="0" accumulate="0" \
        startExpression="" endExpression="" durationField="" durationUnit="min" fixedDuration="0">
          <fixedRange>
           <start></start>
           <end></end>
          </fixedRange>
         </temporal>
         <layerGeometryType>\(geometryType)</layerGeometryType>
        </qgis>

        """
    }
}
