import SalientCore

/// ACLED's CSV export (columns as published; codes per docs/formats.md) read into events.
public enum ACLEDImport {
    public static let requiredColumns = [
        "event_id_cnty", "event_date", "time_precision", "sub_event_type", "actor1",
        "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "timestamp",
    ]

    public static func read(path: String, gazetteer: Gazetteer) throws -> [ImportedRecord] {
        try records(CSVTable(path: path, required: requiredColumns), gazetteer: gazetteer)
    }

    public static func parse(text: String, file: String, gazetteer: Gazetteer) throws -> [ImportedRecord] {
        try records(CSVTable(text: text, file: file, required: requiredColumns), gazetteer: gazetteer)
    }

    static func records(_ table: CSVTable, gazetteer: Gazetteer) throws -> [ImportedRecord] {
        var seen: [String: Int] = [:]
        return try table.rows.indices.map { row in
            let record = try self.record(table, row: row, gazetteer: gazetteer)
            if let first = seen[record.event.externalID] {
                throw table.error(
                    "event_id_cnty '\(record.event.externalID)' repeats row \(first + 1)", row: row,
                    column: "event_id_cnty")
            }
            seen[record.event.externalID] = row
            return record
        }
    }

    private static func record(_ table: CSVTable, row: Int, gazetteer: Gazetteer) throws -> ImportedRecord {
        func value(_ column: String) -> String { table.value(column, row: row) }
        let recordID = value("event_id_cnty")
        guard !recordID.isEmpty else { throw table.error("event_id_cnty is empty", row: row, column: "event_id_cnty") }
        guard let written = CalendarDay.parsingACLED(value("event_date")) else {
            throw table.error(
                "'\(value("event_date"))' is not a date", row: row, column: "event_date",
                hint: "ACLED writes 2024-08-14 or 14 August 2024")
        }
        let timeCode = try table.integer("time_precision", row: row)
        guard let date = ACLEDMapping.date(written: written, timePrecision: timeCode) else {
            throw table.error(
                "unknown time_precision \(timeCode)", row: row, column: "time_precision",
                hint: "ACLED uses 1, 2 or 3")
        }
        let geoCode = try table.integer("geo_precision", row: row)
        guard let precision = ACLEDMapping.locationPrecision(geoPrecision: geoCode) else {
            throw table.error(
                "unknown geo_precision \(geoCode)", row: row, column: "geo_precision",
                hint: "ACLED uses 1, 2 or 3")
        }
        guard let kind = ACLEDMapping.kind(subEventType: value("sub_event_type")) else {
            throw table.error(
                "unknown sub_event_type '\(value("sub_event_type"))'", row: row, column: "sub_event_type",
                hint: "the types Salient maps are listed in docs/formats.md")
        }
        let actor = value("actor1")
        guard !actor.isEmpty else { throw table.error("actor1 is empty", row: row, column: "actor1") }
        let latitude = try table.coordinate("latitude", row: row, limit: 90)
        let longitude = try table.coordinate("longitude", row: row, limit: 180)
        let timestamp = value("timestamp")
        guard !timestamp.isEmpty, timestamp.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw table.error(
                "'\(timestamp)' is not a timestamp", row: row, column: "timestamp",
                hint: "ACLED writes the time of the last change as a whole number")
        }
        let id = ImportedRecord.eventID(prefix: "acled", recordID: recordID)
        let admins = [value("admin1"), value("admin2"), value("admin3")].filter { !$0.isEmpty }
        let location = value("location")
        let opponent = value("actor2")
        var event = Event(
            id: id, date: date, dateNote: dateNote(written: written, code: timeCode), kind: kind, placeID: nil,
            placeName: location, position: LonLat(lon: longitude, lat: latitude), placeKind: nil,
            locationPrecision: precision, actor: actor,
            summary: "ACLED \(value("sub_event_type")) at \(location.isEmpty ? "an unnamed place" : location): \(actor)"
                + (opponent.isEmpty ? "" : " and \(opponent)"),
            sourceIDs: [])
        if let place = resolve(location, within: admins, gazetteer: gazetteer), let point = place.point {
            event.placeID = place.id
            event.placeName = place.name
            event.placeKind = place.kind
            event.position = point
        } else {
            let area = admins.isEmpty ? "" : " in \(admins.joined(separator: ", "))"
            event.locationNote = "ACLED's coordinates: '\(location)'\(area) is not in the gazetteer"
        }
        event.externalID = "ACLED:\(recordID)"
        event.externalVersion = timestamp
        event.note = value("notes")
        let scale = value("source_scale")
        let sources = ImportedRecord.sources(
            named: value("source"), eventID: id, date: date, fallback: "ACLED",
            note: "named by ACLED \(recordID); publication day not given, the event's date stands for it"
                + (scale.isEmpty ? "" : "; source_scale \(scale)"))
        event.sourceIDs = sources.map(\.id)
        return ImportedRecord(event: event, sources: sources)
    }

    private static func dateNote(written: CalendarDay, code: Int) -> String {
        switch code {
        case 2: return "ACLED time_precision 2 (within a week) on \(written): the Monday-to-Sunday week holding it"
        case 3: return "ACLED time_precision 3 (only the month) on \(written): the whole month"
        default: return ""
        }
    }

    /// The gazetteer point that the name means, if one answers to it inside the admin areas ACLED
    /// states (an ancestor by `parent` whose name, less "Oblast" or "Raion", is one of them):
    /// a village of the same name in another region is not taken.
    static func resolve(_ name: String, within admins: [String], gazetteer: Gazetteer) -> Place? {
        guard !name.isEmpty, case .found(let place) = gazetteer.match(name) else { return nil }
        guard !admins.isEmpty else { return place }
        let wanted = Set(admins.map(stem))
        var ancestor = gazetteer.place(id: place.parent)
        var steps = 0
        while let area = ancestor, steps < 16 {
            if area.allNames.contains(where: { wanted.contains(stem($0)) }) { return place }
            ancestor = gazetteer.place(id: area.parent)
            steps += 1
        }
        return nil
    }

    private static func stem(_ name: String) -> String {
        let kindWords: Set<String> = ["oblast", "region", "province", "raion", "rayon", "district", "obl"]
        var words = NameFolding.words(of: name)
        if words.count > 1, let last = words.last, kindWords.contains(last) { words.removeLast() }
        return words.joined()
    }
}
