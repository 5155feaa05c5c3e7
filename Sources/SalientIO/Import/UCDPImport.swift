import SalientCore

/// UCDP GED's CSV (codebook columns; codes per docs/formats.md) read into events. GED gives
/// each event's coordinates and its precision, so they are kept as explicit coordinates.
public enum UCDPImport {
    public static let requiredColumns = [
        "id", "date_start", "date_end", "date_prec", "where_prec", "latitude",
        "longitude", "side_a", "side_b", "best", "low", "high", "source_article",
    ]

    public static func read(path: String) throws -> [ImportedRecord] {
        try records(CSVTable(path: path, required: requiredColumns))
    }

    public static func parse(text: String, file: String) throws -> [ImportedRecord] {
        try records(CSVTable(text: text, file: file, required: requiredColumns))
    }

    static func records(_ table: CSVTable) throws -> [ImportedRecord] {
        var seen: [String: Int] = [:]
        return try table.rows.indices.map { row in
            let record = try self.record(table, row: row)
            if let first = seen[record.event.externalID] {
                throw table.error(
                    "id '\(table.value("id", row: row))' repeats row \(first + 1)", row: row,
                    column: "id")
            }
            seen[record.event.externalID] = row
            return record
        }
    }

    private static func day(_ table: CSVTable, _ column: String, row: Int) throws -> CalendarDay {
        let text = table.value(column, row: row)
        // GED writes dates as 2024-08-14 or with a time, 2024-08-14 00:00:00.000.
        guard let day = CalendarDay(String(text.prefix { $0 != " " && $0 != "T" })) else {
            throw table.error("'\(text)' is not a date", row: row, column: column, hint: "write a day as YYYY-MM-DD")
        }
        return day
    }

    private static func record(_ table: CSVTable, row: Int) throws -> ImportedRecord {
        func value(_ column: String) -> String { table.value(column, row: row) }
        let recordID = value("id")
        guard !recordID.isEmpty else { throw table.error("id is empty", row: row, column: "id") }
        let start = try day(table, "date_start", row: row)
        let end = try day(table, "date_end", row: row)
        guard end >= start else {
            throw table.error("date_end \(end) is before date_start \(start)", row: row, column: "date_end")
        }
        let dateCode = try table.integer("date_prec", row: row)
        guard let date = UCDPMapping.date(start: start, end: end, datePrecision: dateCode) else {
            throw table.error("unknown date_prec \(dateCode)", row: row, column: "date_prec", hint: "UCDP uses 1 to 5")
        }
        let whereCode = try table.integer("where_prec", row: row)
        guard let precision = UCDPMapping.locationPrecision(wherePrecision: whereCode) else {
            throw table.error(
                "unknown where_prec \(whereCode)", row: row, column: "where_prec",
                hint: "UCDP uses 1 to 7")
        }
        var kind = EventKind.contested
        if !value("type_of_violence").isEmpty {
            let code = try table.integer("type_of_violence", row: row)
            guard let mapped = UCDPMapping.kind(typeOfViolence: code) else {
                throw table.error(
                    "unknown type_of_violence \(code)", row: row, column: "type_of_violence",
                    hint: "UCDP uses 1, 2 or 3")
            }
            kind = mapped
        }
        let latitude = try table.coordinate("latitude", row: row, limit: 90)
        let longitude = try table.coordinate("longitude", row: row, limit: 180)
        let sideA = value("side_a")
        guard !sideA.isEmpty else { throw table.error("side_a is empty", row: row, column: "side_a") }
        for column in ["best", "low", "high"] { _ = try table.integer(column, row: row) }
        let id = ImportedRecord.eventID(prefix: "ucdp", recordID: recordID)
        let place = value("where_coordinates")
        var event = Event(
            id: id, date: date,
            dateNote: dateCode == 1 ? "" : "UCDP date_prec \(dateCode) over \(start) to \(end)", kind: kind,
            placeID: nil, placeName: place, position: LonLat(lon: longitude, lat: latitude), placeKind: nil,
            locationPrecision: precision, actor: sideA,
            summary: "UCDP GED event: \(sideA) and \(value("side_b")), deaths best \(value("best")) "
                + "(low \(value("low")), high \(value("high")))",
            sourceIDs: [])
        event.externalID = "UCDP:\(recordID)"
        event.locationNote = "UCDP's coordinates (where_prec \(whereCode))"
        let sources = ImportedRecord.sources(
            named: value("source_article"), eventID: id, date: date, fallback: "UCDP GED",
            note: "named by UCDP GED \(recordID); publication day not given, the event's date stands for it")
        event.sourceIDs = sources.map(\.id)
        return ImportedRecord(event: event, sources: sources)
    }
}
