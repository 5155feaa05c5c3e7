import Foundation
import SalientCore

/// The GeoPackage twins of the GeoJSON outputs, asked for with `--format gpkg`:
///   `salient export`     `<timeline id>.gpkg`: the tables `events` (POINT) and `control` (MULTIPOLYGON)
///   `salient snapshots`  `<timeline id>-snapshots.gpkg`: `control_timeline` (MULTIPOLYGON),
///                        `events_timeline` (POINT) and the attributes table `series`
/// Each table has the columns of its GeoJSON layer's properties, in the same order, with the
/// values the GeoJSON prints: TEXT, REAL, INTEGER, and DATE (`YYYY-MM-DD`, NULL where the
/// GeoJSON has "" or null) for every `*_date`; geometries carry the GeoJSON's coordinates.
public enum GeoPackageOutput {
    public static func exportFileName(timelineID: String) -> String { "\(timelineID).gpkg" }
    public static func snapshotsFileName(timelineID: String) -> String { "\(timelineID)-snapshots.gpkg" }

    /// `gpkg_contents.last_change`: the day of the latest source, at midnight UTC, so that it
    /// changes with the timeline's content and never with the clock; `fallback` when there are no sources.
    static func lastChange(_ timeline: Timeline, fallback: CalendarDay) -> String {
        "\(timeline.sources.map(\.published.end).max() ?? fallback)T00:00:00.000Z"
    }

    /// Refuses an existing file at `path` that is not a GeoPackage (SQLite's header with the
    /// application id "GPKG"): whatever it is, it is not a file Salient wrote, so it is kept.
    public static func checkTarget(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(
                "a folder has the GeoPackage's name", file: path,
                hint: "move it away, or choose another folder with --out")
        }
        guard !isGeoPackage(path) else { return }
        throw InputError(
            "the file is not a GeoPackage, and Salient will not replace it", file: path,
            hint: "move it away, or choose another folder with --out")
    }

    /// The first 100 bytes of a SQLite file are its header: the magic string, and at offset 68
    /// the big-endian application id, "GPKG" in a GeoPackage.
    static func isGeoPackage(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 100), header.count == 100 else { return false }
        return header.prefix(16) == Data("SQLite format 3\0".utf8) && header[68..<72] == Data("GPKG".utf8)
    }

    // MARK: - export

    /// A GeoPackage written beside its target under a temporary name, renamed into place by `commit`.
    public struct Staged {
        public let temporary: String
        let target: String

        func commit() throws {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw InputError("cannot replace the file: \(reason)", file: target)
            }
        }

        func discard() {
            unlink(temporary)
            unlink(temporary + "-journal")
        }
    }

    /// Writes the export's twin next to `target`; nothing is at `target` until `commit`.
    public static func stageExport(
        _ timeline: Timeline, asOf day: CalendarDay, events: [GeoJSONFeature],
        control: [GeoJSONFeature], at target: String
    ) throws -> Staged {
        let layers = [
            layer("events", "One Point per event, as events.geojson", .point, events),
            layer(
                "control", "The controlled and contested tiers as of \(day), as control.geojson", .multiPolygon,
                control),
        ]
        let named = (target as NSString).deletingLastPathComponent
        let folder = named.isEmpty ? "." : named
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                "cannot create the output folder '\(folder)'", file: target,
                hint: "check the path and its permissions")
        }
        let name = (target as NSString).lastPathComponent
        let staged = Staged(temporary: "\(folder)/.\(name).tmp-\(getpid())", target: target)
        staged.discard()
        do {
            try GeoPackageWriter.write(layers, to: staged.temporary, lastChange: lastChange(timeline, fallback: day))
        } catch {
            staged.discard()
            throw error
        }
        return staged
    }

    // MARK: - snapshots

    /// Writes the snapshots' twin into the staging folder, from what was staged there: the
    /// temporal control layer and the series are read back from their files, so the twin holds
    /// exactly what they say; the events layer is laid out as `events-timeline.geojson` is.
    public static func writeSnapshots(_ loaded: LoadedTimeline, last: ControlEstimate, staging: String, name: String)
        throws
    {
        let timeline = loaded.timeline
        let staged = { (file: String) in (staging as NSString).appendingPathComponent(file) }
        let events = ExportLayers.events(
            timeline, gazetteer: loaded.gazetteer, estimate: last,
            sources: SourceIndex(timeline))
        // A state's properties as TemporalLayers.controlTimelineLine lays them out: the state's keys
        // in the control layer's order, with start_date and end_date after tier.
        var state = ExportLayers.controlProperties(timeline, estimate: last)[0]
            .filter { TemporalLayers.stateKeys.contains($0.0) }
        state.insert(contentsOf: [("start_date", .string("")), ("end_date", .null)], at: 1)
        let controlColumns = columns(of: state)
        let controlRows = try featureLines(of: staged("control-timeline.geojson")).map { line in
            try row(parsing: line, columns: controlColumns, file: staged("control-timeline.geojson"))
        }
        let layers = [
            GeoPackageLayer(
                table: "control_timeline",
                description: "Each distinct state of each tier, from start_date to end_date",
                geometryType: .multiPolygon, columns: controlColumns, rows: controlRows),
            layer("events_timeline", "Every event with start_date and end_date", .point, events),
            try series(staged("series.csv"), firstDay: last.asOf, bounds: last.upperBound != nil),
        ]
        try GeoPackageWriter.write(layers, to: staged(name), lastChange: lastChange(timeline, fallback: last.asOf))
    }

    /// The series as an attributes table, read from the staged CSV (numbers and dates only, no quoting).
    private static func series(_ path: String, firstDay: CalendarDay, bounds: Bool) throws -> GeoPackageLayer {
        let template = TemporalLayers.SeriesRow(
            day: firstDay, controlledKm2: 0, contestedKm2: 0,
            settlementsControlled: 0, settlementsContested: 0, depthKm: 0,
            eventsOnDay: 0, eventsToDate: 0, sourcesToDate: 0,
            range: bounds ? TemporalLayers.SeriesRange(lowerKm2: 0, lowerWithContestedKm2: 0, upperKm2: 0) : nil)
        let columns = columns(of: Array(zip(TemporalLayers.SeriesRow.columns(bounds: bounds), template.values)))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        let rows = try lines.map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns.count else {
                throw SQLiteError(operation: "read", message: "a staged series row has other columns", file: path)
            }
            return GeoPackageLayer.Row(
                values: zip(columns, fields).map { column, text in
                    switch column.type {
                    case .real: return Double(text).map(SQLiteValue.real) ?? .null
                    case .integer, .boolean: return Int64(text).map(SQLiteValue.integer) ?? .null
                    case .text, .date: return text.isEmpty ? .null : .text(text)
                    }
                }, geometry: nil)
        }
        return GeoPackageLayer(
            table: "series", description: "One row a day, as series.csv", geometryType: nil,
            columns: columns, rows: rows)
    }

    /// The feature lines of a GeoJSON file as GeoJSONWriter lays it out, one feature a line.
    private static func featureLines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{\"type\": \"Feature\"") else { return nil }
            return String(line.hasSuffix(",") ? line.dropLast() : line)
        }
    }

    private static func row(
        parsing line: String, columns: [(name: String, type: GeoPackageLayer.ColumnType)],
        file: String
    ) throws -> GeoPackageLayer.Row {
        guard let feature = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let properties = feature["properties"] as? [String: Any], let geometry = feature["geometry"]
        else {
            throw SQLiteError(operation: "read", message: "a staged feature is not a GeoJSON feature", file: file)
        }
        // The columns come from the layout the layer is written with; a feature with other keys
        // means the two have drifted apart.
        precondition(
            Set(properties.keys) == Set(columns.map(\.name)),
            "the temporal layer's keys are the table's columns")
        return GeoPackageLayer.Row(
            values: columns.map { value(jsonValue(properties[$0.name] as Any), as: $0.type) },
            geometry: Self.geometry(jsonValue(geometry)))
    }

    // MARK: - from GeoJSON values

    private static func layer(
        _ table: String, _ description: String, _ type: GeoPackageLayer.GeometryType,
        _ features: [GeoJSONFeature]
    ) -> GeoPackageLayer {
        let columns = columns(of: features.first?.properties ?? [])
        let rows = features.map { feature in
            GeoPackageLayer.Row(
                values: zip(columns, feature.properties).map { value($1.1, as: $0.type) },
                geometry: geometry(feature.geometry))
        }
        return GeoPackageLayer(table: table, description: description, geometryType: type, columns: columns, rows: rows)
    }

    /// Column types from a feature's JSON values: the text of `date` and every `*_date` is a DATE
    /// (also where null); `events_to_date` and the like are counts.
    static func columns(of properties: [(String, JSONValue)]) -> [(name: String, type: GeoPackageLayer.ColumnType)] {
        properties.map { key, value in
            let dateNamed = key == "date" || key.hasSuffix("_date")
            switch value {
            case .string where dateNamed, .null where dateNamed: return (key, .date)
            case .integer: return (key, .integer)
            // Printed with no decimals, a number reads as an integer, as GDAL reads the GeoJSON.
            case .number(_, let decimals): return (key, decimals == 0 ? .integer : .real)
            case .bool: return (key, .boolean)
            default: return (key, .text)
            }
        }
    }

    /// The value the GeoJSON prints: reals at the decimals they are printed with.
    static func value(_ value: JSONValue, as type: GeoPackageLayer.ColumnType) -> SQLiteValue {
        switch (value, type) {
        case (.null, _): return .null
        case (.string(let s), .date): return s.isEmpty ? .null : .text(s)
        case (.string(let s), _): return .text(s)
        case (.integer(let i), .real): return .real(Double(i))
        case (.integer(let i), _): return .integer(Int64(i))
        case (.number(let v, let decimals), .integer): return .integer(Int64(printed(v, decimals: decimals)))
        case (.number(let v, let decimals), _): return .real(printed(v, decimals: decimals))
        case (.bool(let b), _): return .integer(b ? 1 : 0)
        case (.array, _), (.object, _): return .text(value.serialized)
        }
    }

    /// The number a reader of the GeoJSON gets: the printed decimal, read back.
    private static func printed(_ value: Double, decimals: Int) -> Double {
        Double(JSONValue.format(value, decimals: decimals)) ?? value
    }

    /// A GeoJSON Point or MultiPolygon with each position as the GeoJSON prints it (6 decimals).
    static func geometry(_ value: JSONValue) -> GeoPackageGeometry? {
        guard case .object(let members) = value, case .string(let type)? = members.first(where: { $0.0 == "type" })?.1,
            let coordinates = members.first(where: { $0.0 == "coordinates" })?.1
        else { return nil }
        func position(_ value: JSONValue) -> LonLat? {
            guard case .array(let pair) = value, pair.count == 2, case .number(let lon, _) = pair[0],
                case .number(let lat, _) = pair[1]
            else { return nil }
            let decimals = GeoJSONWriter.coordinateDecimals
            return LonLat(lon: printed(lon, decimals: decimals), lat: printed(lat, decimals: decimals))
        }
        func array(_ value: JSONValue) -> [JSONValue] {
            if case .array(let items) = value { return items }
            return []
        }
        switch type {
        case "Point":
            return position(coordinates).map(GeoPackageGeometry.point)
        case "MultiPolygon":
            let polygons = array(coordinates).map { polygon in
                let rings = array(polygon).map { array($0).compactMap(position) }
                return Polygon(exterior: rings.first ?? [], holes: Array(rings.dropFirst()))
            }
            return .multiPolygon(MultiPolygon(polygons))
        default:
            return nil
        }
    }

    /// JSON parsed by Foundation as a JSONValue (numbers as reals; objects' order is lost, which
    /// matters nowhere these are read).
    private static func jsonValue(_ any: Any) -> JSONValue {
        switch any {
        case let s as String: return .string(s)
        case is NSNull: return .null
        case let items as [Any]: return .array(items.map(jsonValue))
        case let members as [String: Any]: return .object(members.keys.sorted().map { ($0, jsonValue(members[$0]!)) })
        case let n as NSNumber: return .number(n.doubleValue, decimals: 17)
        default: return .null
        }
    }
}
