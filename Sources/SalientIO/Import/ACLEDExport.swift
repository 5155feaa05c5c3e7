import CSV
import Foundation
import SalientCore

/// `salient export --format acled-csv`: a timeline's events in ACLED's columns and codes, for
/// R and pandas users. Columns Salient has no value for are present and empty. One column
/// follows ACLED's: `source_urls`, the URLs of the event's sources ("; "-joined, in the order
/// of `source`), so that a row can be traced to its articles.
public enum ACLEDExport {
    public static let columns = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp", "source_urls",
    ]
    public static let fileName = "events-acled.csv"

    /// The CSV text: LF line ends, fields quoted by CSV.swift where RFC 4180 needs it.
    public static func csv(_ timeline: Timeline, gazetteer: Gazetteer) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: columns)
        let sources = SourceIndex(timeline)
        for event in timeline.events {
            let types = ACLEDMapping.subEventType(for: event.kind)
            let place = event.placeID.flatMap(gazetteer.place(id:))
            let region = place.flatMap { gazetteer.place(id: $0.parent) }
            let outlets = event.sourceIDs.compactMap { sources.source(id: $0)?.outlet }
            let urls = event.sourceIDs.compactMap { sources.source(id: $0)?.url }.filter { !$0.isEmpty }
            // An interval goes out as its first day with the precision code for its length.
            let values: [String: String] = [
                "event_id_cnty": event.externalID.hasPrefix("ACLED:")
                    ? String(event.externalID.dropFirst(6)) : event.id,
                "event_date": event.date.start.description,
                "year": String(event.date.start.components.year),
                "time_precision": String(ACLEDMapping.timePrecision(for: event.date)),
                "event_type": types.eventType, "sub_event_type": types.subEventType,
                "actor1": event.actor, "country": place?.country ?? "", "admin1": region?.name ?? "",
                "location": event.placeName, "latitude": String(event.position.lat),
                "longitude": String(event.position.lon),
                "geo_precision": String(ACLEDMapping.geoPrecision(for: event.locationPrecision)),
                "source": outlets.joined(separator: "; "), "notes": event.note.isEmpty ? event.summary : event.note,
                // ACLED requires a timestamp; 0 for events no data set versioned, so any real record is newer.
                "timestamp": event.externalVersion.isEmpty ? "0" : event.externalVersion,
                "source_urls": urls.joined(separator: "; "),
            ]
            try writer.write(row: columns.map { values[$0] ?? "" })
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data,
            let text = String(data: data, encoding: .utf8)
        else {
            throw ACLEDExportError.streamFailed
        }
        return text + "\n"
    }

    /// Writes `events-acled.csv` into the output folder (exports/<timeline id> by default), atomically.
    public static func run(timelinePath: String, outputFolder: String?, force: Bool) throws -> String {
        try run(TimelineReader.read(path: timelinePath), outputFolder: outputFolder, force: force)
    }

    /// `run` on a timeline already read.
    public static func run(_ loaded: LoadedTimeline, outputFolder: String?, force: Bool) throws -> String {
        let folder = OutputFolder(path: outputFolder ?? "exports/\(loaded.timeline.id)")
        try folder.checkPath()
        let text = try csv(loaded.timeline, gazetteer: loaded.gazetteer)
        try FileSet.write([(fileName, text)], into: folder, force: force)
        return folder.url(fileName)
    }
}

enum ACLEDExportError: Error {
    case streamFailed
}
